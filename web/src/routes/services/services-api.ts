// The services part of the API (src/server/sites): the directory of service providers and
// subcontractors, and the supply links between organisations (who supplies whom).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type Localised, request } from '../../api.ts';

export interface ServiceOffering {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationRegionId: string | null;
  category: string;
  description: Localised;
  conceptIds: string[];
  regionIds: string[];
}

export interface ServiceCategory {
  key: string;
  label: Localised;
}

export interface ChainNode {
  id: string;
  name: string;
  regionId: string | null;
  type: string;
}

export interface ChainLink {
  id: string;
  supplierId: string;
  customerId: string;
  what: Localised;
  category: string | null;
  conceptIds: string[];
}

export interface SupplyChain {
  nodes: ChainNode[];
  links: ChainLink[];
}

export interface ServiceQuery {
  q?: string;
  category?: string;
  region?: string;
  concept?: string;
}

export interface ChainQuery {
  organisation?: string;
  concept?: string;
  category?: string;
}

export const serviceKeys = {
  list: (query: ServiceQuery) => ['services', 'list', query] as const,
  categories: ['services', 'categories'] as const,
  chain: (query: ChainQuery) => ['services', 'chain', query] as const,
};

export function useServices(query: ServiceQuery) {
  return useQuery({
    queryKey: serviceKeys.list(query),
    queryFn: ({ signal }) => request<ServiceOffering[]>('GET', '/services', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useServiceCategories() {
  return useQuery({
    queryKey: serviceKeys.categories,
    queryFn: ({ signal }) => request<ServiceCategory[]>('GET', '/service-categories', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useSupplyChain(query: ChainQuery) {
  return useQuery({
    queryKey: serviceKeys.chain(query),
    queryFn: ({ signal }) => request<SupplyChain>('GET', '/supply-chain', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}
