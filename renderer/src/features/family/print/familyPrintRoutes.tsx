import { Route } from 'wouter';
import { DischargePlanPrint } from '../discharge/DischargePlanPrint';
import { HandoverPackagePrint } from '../discharge/HandoverPackagePrint';
import { NetworkMapPrint } from '../network/NetworkMapPrint';
import { SafetyPlanPrint } from '../safety-plan/SafetyPlanPrint';

/**
 * The family's network and udslusning printouts, each self-contained at its own address (it fetches what it prints):
 *   #/udskrift/udslusningsplan/<familyId>[?udgave=N]   for the parents and partners
 *   #/udskrift/sikkerhedsplan/<familyId>[?udgave=N]    for the family, in plain Danish
 *   #/udskrift/netvaerkskort/<familyId>                the network map on A4
 *   #/udskrift/overleveringspakke/<familyId>           for the receiving service and the municipality
 * Returned as a list of routes for app/PrintRoutes.tsx's <Switch>.
 */
export function familyPrintRoutes({ institutionName, printedBy, options }: { institutionName: string; printedBy: string; options: URLSearchParams }) {
  const version = () => {
    const v = options.get('udgave');
    return v && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const props = (familyId: string) => ({ familyId: Number(familyId), institutionName, printedBy });
  return [
    <Route key="udslusningsplan" path="/udskrift/udslusningsplan/:familyId">
      {(params) => (/^\d+$/.test(params.familyId) ? <DischargePlanPrint {...props(params.familyId)} version={version()} /> : null)}
    </Route>,
    <Route key="sikkerhedsplan" path="/udskrift/sikkerhedsplan/:familyId">
      {(params) => (/^\d+$/.test(params.familyId) ? <SafetyPlanPrint {...props(params.familyId)} version={version()} /> : null)}
    </Route>,
    <Route key="netvaerkskort" path="/udskrift/netvaerkskort/:familyId">
      {(params) => (/^\d+$/.test(params.familyId) ? <NetworkMapPrint {...props(params.familyId)} /> : null)}
    </Route>,
    <Route key="overleveringspakke" path="/udskrift/overleveringspakke/:familyId">
      {(params) => (/^\d+$/.test(params.familyId) ? <HandoverPackagePrint {...props(params.familyId)} /> : null)}
    </Route>,
  ];
}
