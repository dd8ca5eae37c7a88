// Project ideas (the challenges contract's part of the projects module): types, calls through the
// app's one fetch wrapper, and TanStack Query hooks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api.ts';
import type { ChallengeSummary } from '../challenges/challenges-api.ts';

export const PROJECT_STAGES = [
  'idea',
  'concept_note',
  'consortium',
  'proposal',
  'submitted',
  'funded',
  'not_funded',
] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

export interface Project {
  id: string;
  title: string;
  summary: string;
  stage: ProjectStage;
  sourceClusterId: string | null;
  challengeIds: string[];
  regionIds: string[];
  conceptIds: string[];
  createdAt: string;
}

export interface ProjectDetail extends Project {
  challenges: ChallengeSummary[];
}

export interface ProjectInput {
  title: string;
  summary?: string;
  sourceClusterId?: string;
  challengeIds: string[];
}

export const projectKeys = {
  list: ['projects', 'list'] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
};

export function useProjects() {
  return useQuery({
    queryKey: projectKeys.list,
    queryFn: ({ signal }) => request<Project[]>('GET', '/projects', { signal }),
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => request<ProjectDetail>('GET', `/projects/${encodeURIComponent(id)}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProjectInput) => request<Project>('POST', '/projects', { body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      // Member challenges are now in a project.
      void queryClient.invalidateQueries({ queryKey: ['challenges'] });
    },
  });
}
