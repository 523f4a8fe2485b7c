import { Steps } from '../../ui/Steps';
import { rekeySteps, type RekeyStage } from './rekeyText';

/** The steps of the re-key, each marked done, under way or waiting. */
export function RekeyProgress({ stage }: { stage: RekeyStage }) {
  return <Steps steps={rekeySteps} current={stage} testId="rekey-progress" />;
}
