import { Link, Route, Switch } from 'wouter';
import type { SessionUser } from '../../../common/users';
import { FamilyReportPrint } from '../features/access-log/FamilyReportPrint';
import { HandoverPrint } from '../features/handover/HandoverPrint';
import { familyPrintRoutes } from '../features/family/print/familyPrintRoutes';
import { GoalsSheetPrint } from '../features/family/print/GoalsSheetPrint';
import { ProgressionReportPrint } from '../features/family/print/ProgressionReportPrint';
import { StatusReportPrint } from '../features/family/print/StatusReportPrint';
import { parsePrintLocation } from '../ui/print/printRoute';

/** Which print view each #/udskrift/… route shows; rendered by the shell without its navigation. */
export function PrintRoutes({ location, user, institutionName, isLeader }: { location: string; user: SessionUser; institutionName: string; isLeader: boolean }) {
  const { path, options } = parsePrintLocation(location);
  return (
    <Switch location={path}>
      <Route path="/udskrift/indsigt/:familyId">
        {(params) =>
          isLeader && /^\d+$/.test(params.familyId) ? (
            <FamilyReportPrint familyId={Number(params.familyId)} options={options} institutionName={institutionName} printedBy={user.name} />
          ) : (
            <PrintNotFound />
          )
        }
      </Route>
      <Route path="/udskrift/vagtoverlevering">
        <HandoverPrint options={options} institutionName={institutionName} printedBy={user.name} />
      </Route>
      {familyPrintRoutes({ institutionName, printedBy: user.name, options })}
      <Route path="/udskrift/progression/:familyId">
        {(params) =>
          /^\d+$/.test(params.familyId) ? <ProgressionReportPrint familyId={Number(params.familyId)} options={options} institutionName={institutionName} printedBy={user.name} /> : <PrintNotFound />
        }
      </Route>
      <Route path="/udskrift/maal/:familyId">
        {(params) => (/^\d+$/.test(params.familyId) ? <GoalsSheetPrint familyId={Number(params.familyId)} institutionName={institutionName} printedBy={user.name} /> : <PrintNotFound />)}
      </Route>
      <Route path="/udskrift/statusrapport/:reportId">
        {(params) => (/^\d+$/.test(params.reportId) ? <StatusReportPrint reportId={Number(params.reportId)} institutionName={institutionName} printedBy={user.name} /> : <PrintNotFound />)}
      </Route>
      <Route>
        <PrintNotFound />
      </Route>
    </Switch>
  );
}

function PrintNotFound() {
  return (
    <main className="content">
      <h1>Udskriften findes ikke</h1>
      <Link href="/">Gå til forsiden</Link>
    </main>
  );
}
