import type { ChannelOutput } from '../../../../common/channels';

export type RestorePreview = ChannelOutput<'restore:inspect'>;
export type RestoreContents = ChannelOutput<'restore:unlock'>;
export type RestoreCandidate = ChannelOutput<'restore:candidates'>[number];
