import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexText } from '../../common/search';
import { KEYFILE_NAME } from '../../db/keyfile';
import { ADMIN, attempt, createUser, loginAs, must, setUp, tempDir } from '../helpers';
import { daysFromToday } from '../plan-fixtures';

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const contains = (bytes: Buffer, needle: string) => bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le'));

describe('plaintext scan after a full workflow', () => {
  it('no file the app wrote — database, WAL, key file, events, anchor, throttle, workstation file, backups, restore copies — holds known plaintext or a SQLite header', async () => {
    const { backend, recoveryCode } = await setUp();
    const usb = path.join(tempDir(), 'usb');
    await must(backend, 'backups:setFolder', { folder: usb });
    await createUser(backend, { loginName: 'zebulonk', name: 'Zebulon Klartekstsen', role: 'staff', password: 'hemmelig æblegrød 42' });
    const categoryId = (await must(backend, 'journal:categories', {}))[0]!.id;
    const secrets = new Set<string>(['Zebulon Klartekstsen', 'zebulonk', 'hemmelig æblegrød 42', ADMIN.name, ADMIN.password, recoveryCode]);
    const remember = (...values: string[]) => values.forEach((v) => secrets.add(v));

    const family = await must(backend, 'families:create', {
      displayName: 'Familien Hemmeligsen',
      startDate: '2026-09-01',
      municipality: 'Kommune Klartekst',
      caseworkerName: 'Sagsbehandler Saga Skjult',
      persons: [{ kind: 'mother', name: 'Mona Hemmeligsen', cpr: '0102031234' }, { kind: 'child', dueDate: daysFromToday(30) }],
    });
    remember('Familien Hemmeligsen', 'Kommune Klartekst', 'Saga Skjult', 'Mona Hemmeligsen', '0102031234', '010203-1234');
    await must(backend, 'team:add', { familyId: family.id, name: 'Psykolog Pernille Privat', role: 'psychologist', email: 'pernille@privat.dk' });
    remember('Pernille Privat', 'pernille@privat.dk');
    const observedAt = new Date(Date.now() - 60_000).toISOString();
    const note = await must(backend, 'journal:sign', { familyId: family.id, observedAt, shift: 'day', categoryId, personIds: [], text: 'Mor sang vuggeviser for den lille hele aftenen', concern: 'serious' });
    await must(backend, 'journal:amend', { observationId: note.id, reason: 'Tilføjelse', text: 'Barnet faldt i søvn klokken otte' });
    await must(backend, 'journal:saveDraft', { familyId: family.id, observedAt, shift: 'day', categoryId, personIds: [], text: 'Halvfærdig kladde om xylofoner', concern: 'none' });
    remember('vuggeviser', 'klokken otte', 'xylofoner', indexText('vuggeviser'));
    await must(backend, 'journal:search', { query: 'søgeordhemmelig 0102031234' });
    remember('søgeordhemmelig');
    await must(backend, 'concerns:acknowledge', { observationId: note.id, actions: ['talked_with_family'], note: 'Kvitteringsnote kvæstet' });
    await must(backend, 'underretninger:create', { familyId: family.id, observationId: note.id, sentOn: daysFromToday(-1), municipality: 'Kommune Klartekst', reason: 'Underretningsgrund ulvefarlig' });
    remember('Kvitteringsnote kvæstet', 'Underretningsgrund ulvefarlig');
    const network = await must(backend, 'network:addPerson', { familyId: family.id, name: 'Mormor Mirabella', relation: 'parent', relationText: 'mormor', closeness: 1, support: 'supports', helpWith: ['childcare'], phone: '20 30 40 50' });
    remember('Mormor Mirabella');
    const networkPersonId = network.persons[0]!.id;
    await must(backend, 'safetyPlan:save', {
      familyId: family.id,
      baseVersion: null,
      agreedOn: daysFromToday(-1),
      agreedBy: [{ kind: 'network', networkPersonId }],
      reason: 'Sikkerhedsplan',
      worries: [{ text: 'Bekymringstekst blåbærhemmelig' }],
      actions: [{ text: 'Handling' }],
      contacts: [{ when: 'Om natten', who: { kind: 'network', networkPersonId } }],
      signs: [{ text: 'Tegn' }],
    });
    remember('blåbærhemmelig');
    await must(backend, 'discharge:save', {
      familyId: family.id,
      baseVersion: null,
      reason: 'Planen',
      destination: 'own_home',
      targetDate: daysFromToday(40),
      madeWith: [{ kind: 'network', networkPersonId }],
      steps: [{ title: 'Trinhemmelighed tranebær', startsOn: daysFromToday(5), responsible: { kind: 'network', networkPersonId } }],
    });
    remember('Trinhemmelighed tranebær');
    const goal = await must(backend, 'goals:create', { familyId: family.id, text: 'Målordlyd mælkebøtte', area: 'care_structure', startDate: '2026-10-15' });
    await must(backend, 'goals:review', { goalId: goal.id, reviewedOn: daysFromToday(-1), staffScore: 5, note: 'Opfølgningsnote oliven' });
    remember('Målordlyd mælkebøtte', 'Opfølgningsnote oliven');

    // Backups, a key change, a restore (its staging copy and the current files kept aside), failed logins.
    await must(backend, 'backups:create', {});
    await must(backend, 'keys:rekey', { reason: 'Nøgleskift i testen' });
    const [newest] = await must(backend, 'restore:candidates', {});
    await must(backend, 'session:logout', {});
    await must(backend, 'restore:unlock', { path: newest!.path, loginName: ADMIN.loginName, password: ADMIN.password });
    await must(backend, 'restore:apply', {});
    await attempt(backend, 'session:login', { loginName: 'zebulonk', password: 'forkert forkert forkert' });
    await loginAs(backend, ADMIN.loginName, ADMIN.password);
    const key = backend.unlocked()!.key;
    remember(key.toString('hex'), key.toString('base64'));
    await must(backend, 'session:logout', {});

    const files = [...filesUnder(backend.dataDir), ...filesUnder(usb)];
    expect(files.length).toBeGreaterThan(10);
    const hits: string[] = [];
    for (const file of files) {
      const bytes = fs.readFileSync(file);
      if (bytes.includes(Buffer.from('SQLite format 3'))) hits.push(`${path.basename(file)}: SQLite header`);
      for (const secret of secrets) {
        if (contains(bytes, secret)) hits.push(`${path.relative(backend.dataDir, file)}: "${secret.slice(0, 16)}"`);
      }
      // The institution's name is in the key file on purpose (the login screen shows it before anyone logs in).
      if (path.basename(file) !== KEYFILE_NAME && contains(bytes, 'Familiehuset Lærkebo')) hits.push(`${path.basename(file)}: institution name`);
    }
    console.log(`plaintext scan: ${files.length} files, ${secrets.size} known texts, ${hits.length} hits`);
    expect(hits).toEqual([]);
    await backend.close();
  });
});
