import { useQuery } from '@tanstack/react-query';
import { call } from '../../../app/api';
import { FamilyPrint, type FamilyPrintProps } from '../print/FamilyPrint';
import { MapLegend } from './MapLegend';
import { MapList } from './MapList';
import { NetworkMap } from './NetworkMap';

/** The network map on A4: the drawing scaled to the page's width, its legend, and the persons in words below. */
export function NetworkMapPrint(props: FamilyPrintProps) {
  const { familyId } = props;
  const network = useQuery({ queryKey: ['network', familyId, 'print'], queryFn: () => call('network:get', { familyId }), staleTime: 0, gcTime: 0 });
  return (
    <FamilyPrint {...props} document="network_map" title="Netværkskort" backHref={`/familier/${familyId}/netvaerk`} error={network.error} data={network.data}>
      {(n) => (
        <div data-testid="network-map-print">
          <NetworkMap map={n.map} className="print-map" />
          <MapLegend />
          <h2 className="print-break">Personerne på kortet</h2>
          <div className="print-map-list">
            <MapList map={n.map} />
          </div>
        </div>
      )}
    </FamilyPrint>
  );
}
