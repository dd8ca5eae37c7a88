import type { ChallengeSummaryRow } from '../../db/queries/challenges.ts';
import type { CriterionRow } from '../../db/queries/challenge-evaluations.ts';

export function presentChallengeSummary(row: ChallengeSummaryRow) {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    regionId: row.regionId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    conceptIds: row.conceptIds,
    status: row.status,
    trlNow: row.trlNow,
    trlWanted: row.trlWanted,
    horizon: row.horizon,
    isPublic: row.isPublic,
    supportCount: row.supportCount,
    commentCount: row.commentCount,
    createdAt: row.createdAt.toISOString(),
    mergedIntoId: row.mergedIntoId,
  };
}

export function presentHistory(row: {
  challengeId: string;
  at: Date;
  event: string;
  details: Record<string, unknown>;
  actorName: string | null;
}) {
  return {
    at: row.at.toISOString(),
    event: row.event,
    actorName: row.actorName,
    details: row.details,
    challengeId: row.challengeId,
  };
}

export function presentComment(row: {
  id: string;
  body: string;
  authorName: string | null;
  createdAt: Date;
}) {
  return { id: row.id, body: row.body, authorName: row.authorName, createdAt: row.createdAt.toISOString() };
}

export function presentCriterion(row: CriterionRow) {
  return {
    id: row.id,
    label: row.label,
    description: row.description,
    weight: row.weight,
    maxScore: row.maxScore,
    position: row.position,
    active: row.active,
  };
}
