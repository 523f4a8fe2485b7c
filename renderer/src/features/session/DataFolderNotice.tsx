import { useQuery } from '@tanstack/react-query';
import { call } from '../../app/api';
import { Notice } from '../../ui/Field';

/**
 * On the login screen: an earlier install's data that was moved at this start from the Windows user's own folder to
 * the machine-wide one — or that was not moved, and where it is.
 */
export function DataFolderNotice() {
  const info = useQuery({ queryKey: ['setup:dataFolder'], queryFn: () => call('setup:dataFolder', {}), staleTime: Infinity });
  if (!info.data) return null;
  const { folder, movedFrom, leftBehind } = info.data;
  return (
    <>
      {movedFrom && (
        <Notice kind="info">
          Dataene er flyttet fra <code>{movedFrom}</code> til den fælles mappe <code>{folder}</code>, så alle Windows-brugere på computeren bruger den samme database. Den gamle mappe er omdøbt og kan slettes, når alt virker.
        </Notice>
      )}
      {leftBehind && (
        <Notice kind="warn">
          Der ligger en ældre Familiespor-database i <code>{leftBehind.folder}</code>. {leftBehind.reason} Kontakt jeres IT-ansvarlige, hvis den skal bruges.
        </Notice>
      )}
    </>
  );
}
