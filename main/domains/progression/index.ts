import { evaluationHandlers } from '../evaluation/handlers';
import { goalHandlers } from '../goals/handlers';
import { instrumentHandlers } from '../instruments/handlers';
import { statusReportHandlers } from '../status-reports/handlers';
import { chartHandlers } from './chart';
import { familyProgressionHandlers } from './family';
import { measurementHandlers } from './measurements';
import { overviewHandlers } from './overview';

/**
 * Systematisk opfølgning på progression (core element 3): instruments, measurements and schedules, charts and the
 * leaders' overview, udviklingsmål, status reports and the evaluation export — registered in the backend as one.
 */
export const progressionHandlers = {
  ...instrumentHandlers,
  ...measurementHandlers,
  ...familyProgressionHandlers,
  ...chartHandlers,
  ...overviewHandlers,
  ...goalHandlers,
  ...statusReportHandlers,
  ...evaluationHandlers,
};
