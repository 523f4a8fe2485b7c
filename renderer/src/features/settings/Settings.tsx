import { useQuery } from '@tanstack/react-query';
import { call, errorText } from '../../app/api';
import { Notice } from '../../ui/Field';
import { RekeyPanel } from '../keys/RekeyPanel';
import { CategoriesPanel } from './Categories';
import { RecoveryPanel } from './RecoveryPanel';
import { SettingsForm } from './SettingsForm';

/** Administration → Indstillinger: institution and security, the journal categories, the recovery code, the database's key. */
export function SettingsPage() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}) });
  return (
    <>
      <h1>Indstillinger</h1>
      {settings.isError && <Notice kind="error">{errorText(settings.error)}</Notice>}
      {settings.data && <SettingsForm settings={settings.data} />}
      <CategoriesPanel />
      <RecoveryPanel />
      <RekeyPanel />
    </>
  );
}
