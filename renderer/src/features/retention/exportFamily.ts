import { call } from '../../app/api';
import { downloadText } from '../../ui/download';

/**
 * A family's full record as files: the JSON document and the JSON Schema that describes it, side by side
 * (`familiespor-familie-12-2026-12-03.json` and `….schema.json`). The file names carry no name.
 */
export async function exportFamily(familyId: number): Promise<string[]> {
  const result = await call('families:export', { familyId });
  const schemaName = result.fileName.replace(/\.json$/, '') + '.schema.json';
  downloadText(result.fileName, result.json, 'application/json;charset=utf-8');
  downloadText(schemaName, result.schema, 'application/schema+json;charset=utf-8');
  return [result.fileName, schemaName];
}
