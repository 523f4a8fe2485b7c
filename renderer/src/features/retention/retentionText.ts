import type { ChannelOutput } from '../../../../common/channels';

export type DueFamily = ChannelOutput<'retention:due'>['families'][number];

/** The query key of `retention:due`, refreshed after a deletion. */
export const retentionDueKey = ['retention', 'due'] as const;

/** "12 notater, 3 personer …": what a deletion removed, in Danish. */
export function deletedText(name: string, deleted: ChannelOutput<'retention:deleteFamily'>['deleted']): string {
  const n = (count: number, one: string, many: string) => `${count.toLocaleString('da-DK')} ${count === 1 ? one : many}`;
  return (
    `${name} er slettet: ${n(deleted.observations, 'notat', 'notater')} og ${n(deleted.persons, 'person', 'personer')}. ` +
    `Oplysningerne om familien er fjernet fra ${n(deleted.accessLogDetailsErased, 'række', 'rækker')} i adgangsloggen; rækkerne selv er bevaret.`
  );
}
