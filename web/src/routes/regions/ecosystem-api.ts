// The ecosystem registry's region and aggregate views: typed fetches and TanStack Query hooks.
// Errors become the app's ApiError, so pages show them the same way as elsewhere.
import { useQuery } from '@tanstack/react-query';
import { ApiError, type ErrorCode, ERROR_CODES, type Localised, type Region } from '../../api.ts';

export interface MunicipalityName {
  fi: string;
  sv: string;
}

export interface Municipality {
  code: string;
  name: MunicipalityName;
}

export interface RegionDetail extends Omit<Region, 'specialisation'> {
  specialisation: {
    stated: Localised;
    conceptIds: string[];
    concepts: { id: string; level: number; labels: Localised }[];
  };
  municipalities: Municipality[];
  mainMunicipality: string | null;
  sources: string[];
}

export interface SpecialisationEntry {
  conceptId: string;
  labels: Localised;
  lq: number | null;
  count: number;
  level: number;
  parentId: string | null;
  share: number;
  networkCount: number;
  networkShare: number;
  fewData: boolean;
  stated: boolean;
}

export interface EcosystemMatrix {
  level: number;
  regions: { id: string; name: Localised; organisationCount: number }[];
  rows: {
    conceptId: string;
    parentId: string | null;
    labels: Localised;
    counts: Record<string, number>;
    total: number;
  }[];
}

export interface MapPoint {
  id: string;
  name: string;
  nameEn: string | null;
  municipality: Municipality;
  lon: number;
  lat: number;
  placedBy: 'municipality' | 'region';
  stages: string[];
}

export interface EcosystemMapData {
  regions: {
    id: string;
    name: Localised;
    municipalities: Municipality[];
    mainMunicipality: string | null;
    organisations: MapPoint[];
  }[];
  outside: MapPoint[];
  unplaced: number;
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', error instanceof Error ? error.message : 'Network error');
  }
  if (response.ok) return (await response.json()) as T;
  let body: { error?: { code?: unknown; message?: unknown } } | null = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy's error page): the status decides.
  }
  const code = body?.error?.code;
  const known: ErrorCode =
    typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)
      ? (code as ErrorCode)
      : response.status === 404
        ? 'not_found'
        : response.status >= 500
          ? 'internal'
          : 'unknown';
  const message = typeof body?.error?.message === 'string' ? body.error.message : response.statusText;
  return Promise.reject(new ApiError(response.status, known, message));
}

export const ecosystemKeys = {
  region: (id: string) => ['ecosystem', 'region', id] as const,
  specialisation: (id: string, maxLevel: number) => ['ecosystem', 'specialisation', id, maxLevel] as const,
  matrix: (level: number) => ['ecosystem', 'matrix', level] as const,
  map: ['ecosystem', 'map'] as const,
};

export function useRegion(id: string) {
  return useQuery({
    queryKey: ecosystemKeys.region(id),
    queryFn: ({ signal }) => getJson<RegionDetail>(`/regions/${encodeURIComponent(id)}`, signal),
  });
}

export function useSpecialisation(id: string, maxLevel: number) {
  return useQuery({
    queryKey: ecosystemKeys.specialisation(id, maxLevel),
    queryFn: ({ signal }) =>
      getJson<SpecialisationEntry[]>(
        `/regions/${encodeURIComponent(id)}/specialisation?maxLevel=${maxLevel}`,
        signal,
      ),
  });
}

export function useMatrix(level = 1) {
  return useQuery({
    queryKey: ecosystemKeys.matrix(level),
    queryFn: ({ signal }) => getJson<EcosystemMatrix>(`/ecosystem/matrix?level=${level}`, signal),
  });
}

export function useEcosystemMap() {
  return useQuery({
    queryKey: ecosystemKeys.map,
    queryFn: ({ signal }) => getJson<EcosystemMapData>('/ecosystem/map', signal),
  });
}
