// Who made what: an experiment's models and their artifacts. Every self-vote and every count by
// model goes through here. A participant without `by` is a model (and its own artifact, if it
// has one); one with `by` is an artifact of that model.
import type { Participant } from './schema.ts';

/** The model (its participant id) that made a participant's artifact: its `by`, else itself. */
export function modelOf(participants: Participant[], id: string): string {
  return participants.find((p) => p.id === id)?.by ?? id;
}

/** The experiment's models: the participants without `by`, in the manifest's order. */
export const modelsOf = (participants: Participant[]): Participant[] =>
  participants.filter((p) => !p.by);

/** Every artifact (participant id) a model made: its own, and those that name it in `by`. */
export const artifactsOf = (participants: Participant[], model: string): string[] =>
  participants.filter((p) => modelOf(participants, p.id) === model).map((p) => p.id);

/**
 * What a judge's pick says about the judge: `self`, an artifact of its own model (a self-vote);
 * `revised-with`, another model's artifact revised after the judge's review (noted, not a
 * self-vote); `other`; `none` when there is no pick.
 */
export type PickKind = 'self' | 'revised-with' | 'other' | 'none';

export function pickKind(
  participants: Participant[],
  judge: string,
  winner: string | null,
): PickKind {
  if (winner === null) return 'none';
  const own = modelOf(participants, judge);
  if (modelOf(participants, winner) === own) return 'self';
  const revisedWith = participants.find((p) => p.id === winner)?.revisedWith;
  return revisedWith === own ? 'revised-with' : 'other';
}

/** A self-vote: the judge picked an artifact of its own model. */
export const isSelfVote = (participants: Participant[], judge: string, winner: string | null) =>
  pickKind(participants, judge, winner) === 'self';

/** participant id -> its model, for the artifacts made by another participant (those with `by`). */
export const authorMap = (participants: Participant[]): Record<string, string> =>
  Object.fromEntries(participants.flatMap((p) => (p.by ? [[p.id, p.by]] : [])));
