import { expect, test, type Page } from '@playwright/test';
import { api, isoDay, LAPTOP, setUpQuickly, shotBoth } from './helpers';
import { danishDate, exactField, expectAccessible, goTo, printAllPages } from './plans-helpers';
import { shot, startServer } from './server';

test.use({ viewport: LAPTOP });

interface NetworkPersonInput {
  name: string;
  relation: string;
  relatedTo?: string;
  ownWords?: string;
  closeness: 'Tæt på' | 'Et stykke fra' | 'Længere væk';
  support: 'Støtter' | 'Belaster' | 'Både støtter og belaster';
  help?: string[];
  phone?: string;
}

/** Adds one person through the dialog, saving with Ctrl+Enter (`screenshot`: the filled dialog, checked for accessibility). */
async function addPerson(page: Page, p: NetworkPersonInput, screenshot?: string) {
  await page.getByRole('button', { name: 'Tilføj person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tilføj person til netværket' });
  await expect(exactField(dialog, 'Navn')).toBeFocused();
  await page.keyboard.type(p.name);
  await exactField(dialog, 'Relation').selectOption({ label: p.relation });
  if (p.relatedTo) await exactField(dialog, 'Relation til').selectOption({ label: p.relatedTo });
  if (p.ownWords) await exactField(dialog, 'Relationen med familiens egne ord').fill(p.ownWords);
  await dialog.getByRole('radio', { name: p.closeness, exact: true }).check();
  await dialog.getByRole('radio', { name: p.support, exact: true }).check();
  for (const h of p.help ?? []) await dialog.getByRole('checkbox', { name: h, exact: true }).check();
  if (p.phone) await exactField(dialog, 'Telefon').fill(p.phone);
  if (screenshot) {
    await shot(page, screenshot, { fullPage: false });
    await expectAccessible(page, 'Tilføj person');
  }
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toHaveCount(0);
}

test('the network: five persons on the map, a netværksmøde with two agreements followed up, a sikkerhedsplan in two versions compared and printed, the map printed', async ({ page }) => {
  const server = await startServer();
  try {
    await setUpQuickly(page, server.url);
    const family = await api<{ id: number }>(page, 'families:create', {
      displayName: 'Familien Holm',
      startDate: '2026-01-05',
      persons: [
        { kind: 'mother', name: 'Sara Holm' },
        { kind: 'child', name: 'Liva Holm', birthDate: '2025-12-20' },
      ],
    });
    const base = `#/familier/${family.id}`;
    await page.reload();
    await goTo(page, `${base}/netvaerk`);
    await expect(page.getByRole('link', { name: 'Netværkskort og personer' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('Der er ingen personer i netværket endnu.')).toBeVisible();

    await addPerson(page, { name: 'Inger Holm', relation: 'Bedsteforælder', relatedTo: 'Liva Holm', ownWords: 'Mormor', closeness: 'Tæt på', support: 'Støtter', help: ['Passe barnet', 'Om natten og når det brænder på'], phone: '40 11 22 33' }, '900-netvaerk-tilfoej-person');
    await addPerson(page, { name: 'Jonas Holm', relation: 'Søskende', relatedTo: 'Sara Holm', ownWords: 'Saras bror', closeness: 'Et stykke fra', support: 'Både støtter og belaster', help: ['Transport'] });
    await addPerson(page, { name: 'Mette Lund', relation: 'Ven / veninde', relatedTo: 'Sara Holm', ownWords: 'Saras veninde', closeness: 'Tæt på', support: 'Støtter', help: ['En at tale med'], phone: '51 22 33 44' });
    await addPerson(page, { name: 'Kim Holm', relation: 'Forælder', relatedTo: 'Sara Holm', ownWords: 'Saras far', closeness: 'Længere væk', support: 'Belaster' });
    await addPerson(page, { name: 'Birgit Sand', relation: 'Sundhedspleje / læge', ownWords: 'Sundhedsplejerske', closeness: 'Et stykke fra', support: 'Støtter', help: ['Følge til møder'], phone: '72 00 11 22' });
    await expect(page.getByTestId('map-person')).toHaveCount(5);
    const mapList = page.getByTestId('map-list');
    await expect(mapList.getByRole('region', { name: 'Familie' })).toContainText('Inger Holm');
    await expect(mapList.getByRole('region', { name: 'Familie' })).toContainText('Belaster');
    await expect(mapList.getByRole('region', { name: 'Fagpersoner' })).toContainText('Birgit Sand');
    await expect(page.getByTestId('network-persons')).toContainText('Mormor');
    await expect(page.getByTestId('network-persons')).toContainText('til Liva Holm');

    // Edit one; add a sixth and remove them again with a reason (they stay listed as removed).
    await page.getByRole('button', { name: 'Redigér Jonas Holm' }).click();
    const edit = page.getByRole('dialog', { name: 'Redigér Jonas Holm' });
    await edit.getByRole('radio', { name: 'Tæt på', exact: true }).check();
    await edit.getByRole('button', { name: 'Gem' }).click();
    await expect(edit).toHaveCount(0);
    await addPerson(page, { name: 'Lars Nabo', relation: 'Nabo', closeness: 'Længere væk', support: 'Støtter' });
    await page.getByRole('button', { name: 'Fjern Lars Nabo fra netværket' }).click();
    const remove = page.getByRole('dialog', { name: 'Fjern Lars Nabo fra netværket?' });
    await exactField(remove, 'Begrundelse').fill('Flyttet fra byen');
    await remove.getByRole('button', { name: 'Fjern fra netværket' }).click();
    await expect(remove).toHaveCount(0);
    await expect(page.getByTestId('map-person')).toHaveCount(5);
    await expect(page.getByText('Fjernet fra netværket (1)')).toBeVisible();
    await shotBoth(page, '901-netvaerk-kort');
    await expectAccessible(page, 'Netværk: kort og personer');

    // A netværksmøde with two new agreements.
    await page.getByRole('link', { name: 'Netværksmøder' }).click();
    await expect(page.getByText('Der er ikke holdt netværksmøder endnu.')).toBeVisible();
    await page.getByRole('link', { name: 'Nyt netværksmøde' }).click();
    const participants = page.getByRole('group', { name: 'Hvem deltog' });
    for (const who of ['Sara Holm (Mor)', 'Inger Holm (Mormor)', 'Mette Lund (Saras veninde)', 'Astrid Ærø (Familiebehandler)']) await participants.getByRole('checkbox', { name: who }).check();
    await exactField(page, 'Emne 1').fill('Hjælp om natten');
    await page.getByRole('button', { name: 'Tilføj emne' }).click();
    await exactField(page, 'Emne 2').fill('Første weekend hjemme');
    await exactField(page, 'Referat').fill('Netværket vil gerne hjælpe, især om natten og i weekenderne.');
    for (const [who, what, when] of [
      ['Inger Holm (Mormor)', 'Inger passer Liva hver tirsdag eftermiddag', 'Tirsdage kl. 14–17'],
      ['Mette Lund (Saras veninde)', 'Mette ringer til Sara hver søndag aften', 'Søndage'],
    ]) {
      await page.getByRole('button', { name: 'Tilføj aftale' }).click();
      const agreement = page.getByRole('group', { name: /^Aftale \d$/ }).last();
      await exactField(agreement, 'Hvem hjælper').selectOption({ label: who! });
      await exactField(agreement, 'Hvad er aftalt').fill(what!);
      await exactField(agreement, 'Hvornår').fill(when!);
    }
    await shotBoth(page, '902-netvaerksmoede-ny');
    await expectAccessible(page, 'Nyt netværksmøde');
    await page.getByRole('button', { name: 'Gem netværksmødet' }).click();
    const meeting = page.getByTestId('meeting');
    await expect(meeting.getByRole('heading', { name: `Netværksmøde ${danishDate(isoDay(0))}` })).toBeVisible();
    await expect(meeting.getByTestId('agreement')).toHaveCount(2);
    await expect(meeting).toContainText('Sara Holm (Mor), Inger Holm (Mormor), Mette Lund (Saras veninde), Astrid Ærø (Familiebehandler)');
    // A correction is appended; the record stays.
    await meeting.getByRole('button', { name: 'Tilføj rettelse' }).click();
    const amend = page.getByRole('dialog', { name: 'Tilføj rettelse til mødet' });
    await page.keyboard.type('Forkert ugedag');
    await exactField(amend, 'Rettelsen').fill('Mette ringer om lørdagen, ikke om søndagen.');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('meeting-amendment')).toContainText('Begrundelse: Forkert ugedag');
    await expect(meeting).toContainText('Mette ringer til Sara hver søndag aften');
    await shotBoth(page, '903-netvaerksmoede');
    await expectAccessible(page, 'Netværksmøde');

    await page.getByRole('link', { name: 'Alle netværksmøder' }).click();
    await expect(page.getByTestId('meetings')).toContainText('Hjælp om natten · Første weekend hjemme');
    await shot(page, '903-netvaerksmoeder');

    // The agreements, followed up: one kept, one not kept (a note is required).
    await page.getByRole('link', { name: 'Aftaler' }).click();
    await expect(page.getByRole('region', { name: 'Åbne aftaler' }).getByTestId('agreement')).toHaveCount(2);
    await page.getByRole('button', { name: 'Følg op på aftalen: Inger passer Liva hver tirsdag eftermiddag' }).click();
    let followUp = page.getByRole('dialog', { name: 'Følg op på aftalen' });
    await followUp.getByRole('radio', { name: 'Overholdt', exact: true }).check();
    await exactField(followUp, 'Note').fill('Det har fungeret to tirsdage.');
    await followUp.getByRole('button', { name: 'Gem opfølgningen' }).click();
    await expect(followUp).toHaveCount(0);
    await page.getByRole('button', { name: 'Følg op på aftalen: Mette ringer til Sara hver søndag aften' }).click();
    followUp = page.getByRole('dialog', { name: 'Følg op på aftalen' });
    await followUp.getByRole('radio', { name: 'Ikke overholdt' }).check();
    await followUp.getByRole('button', { name: 'Gem opfølgningen' }).click();
    await expect(followUp.getByText('Skriv kort hvad der skete, når en aftale ikke er overholdt.')).toBeVisible();
    await exactField(followUp, 'Note').fill('Mette har været syg.');
    await shot(page, '904-netvaerk-foelg-op', { fullPage: false });
    await expectAccessible(page, 'Følg op på aftale');
    await followUp.getByRole('button', { name: 'Gem opfølgningen' }).click();
    await expect(followUp).toHaveCount(0);
    const followedUp = page.getByRole('region', { name: 'Fulgt op' });
    await expect(followedUp.getByTestId('agreement')).toHaveCount(2);
    await expect(followedUp).toContainText('Ikke overholdt');
    await expect(followedUp).toContainText('Mette har været syg.');
    // An agreement made outside a meeting.
    await page.getByRole('button', { name: 'Ny aftale' }).click();
    const newAgreement = page.getByRole('dialog', { name: 'Ny aftale med netværket' });
    await exactField(newAgreement, 'Hvem hjælper').selectOption({ label: 'Jonas Holm (Saras bror)' });
    await exactField(newAgreement, 'Hvad er aftalt').fill('Jonas kører Sara og Liva til sundhedsplejersken');
    await exactField(newAgreement, 'Hvornår').fill('Hver anden torsdag');
    await shot(page, '904-netvaerk-ny-aftale', { fullPage: false });
    await expectAccessible(page, 'Ny aftale');
    await newAgreement.getByRole('button', { name: 'Gem aftalen' }).click();
    await expect(newAgreement).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Åbne aftaler' }).getByTestId('agreement')).toHaveCount(1);
    await shotBoth(page, '904-netvaerk-aftaler');
    await expectAccessible(page, 'Netværk: aftaler');

    // The sikkerhedsplan, version 1.
    await page.getByRole('link', { name: 'Sikkerhedsplan' }).click();
    await expect(page.getByText('Familien har ingen sikkerhedsplan endnu.')).toBeVisible();
    await shot(page, '905-sikkerhedsplan-tom');
    await page.getByRole('link', { name: 'Skriv sikkerhedsplanen' }).click();
    await exactField(page, 'Bekymring 1').fill('At Sara bliver så træt om natten, at hun ikke kan passe Liva.');
    await exactField(page, 'Punkt 1').fill('Sara lægger Liva trygt i sengen og går ud i køkkenet og trækker vejret.');
    const contact = page.getByRole('group', { name: 'Kontakt 1' });
    await exactField(contact, 'Hvornår').fill('Hvis Sara ikke kan falde til ro om natten');
    await exactField(contact, 'Hvem').selectOption({ label: 'Inger Holm (Mormor)' });
    await exactField(page, 'Tegn 1').fill('Sara holder op med at spise.');
    const agreedBy = page.getByRole('group', { name: 'Aftalt af' });
    await agreedBy.getByRole('checkbox', { name: 'Sara Holm (Mor)' }).check();
    await agreedBy.getByRole('checkbox', { name: 'Inger Holm (Mormor)' }).check();
    await shotBoth(page, '905-sikkerhedsplan-ny');
    await expectAccessible(page, 'Ny sikkerhedsplan');
    await page.getByRole('button', { name: 'Gem som ny udgave' }).click();
    const plan = page.getByTestId('safety-plan');
    await expect(plan).toContainText('At Sara bliver så træt om natten');
    // No phone typed: the network person's number.
    await expect(plan.locator('td.phone')).toHaveText('40 11 22 33');

    // Version 2: one worry more, a sign changed; a reason is required.
    await page.getByRole('link', { name: 'Ny udgave af planen' }).click();
    await page.getByRole('button', { name: 'Tilføj bekymring' }).click();
    await exactField(page, 'Bekymring 2').fill('At Kim kommer på besøg uanmeldt.');
    await exactField(page, 'Tegn 1').fill('Sara holder op med at spise eller sove.');
    await page.getByRole('button', { name: 'Gem som ny udgave' }).click();
    await expect(page.getByText('Hvorfor planen laves eller ændres skal udfyldes.')).toBeVisible();
    await expect(exactField(page, 'Hvorfor planen laves eller ændres')).toBeFocused();
    await page.keyboard.type('Tilføjet efter netværksmødet');
    await page.getByRole('button', { name: 'Gem som ny udgave' }).click();
    await expect(page.getByRole('heading', { name: /Sikkerhedsplan · udgave 2/ })).toBeVisible();
    await expect(page.getByTestId('versions').getByRole('listitem').filter({ hasText: 'Udgave 2' }).first()).toContainText("Bekymring 'At Kim kommer på besøg uanmeldt.' tilføjet");
    await shotBoth(page, '906-sikkerhedsplan');
    await expectAccessible(page, 'Sikkerhedsplan');

    // Compare version 1 and 2 side by side.
    await exactField(page, 'Sammenlign udgave').selectOption('1');
    await exactField(page, 'med udgave').selectOption('2');
    await page.getByRole('button', { name: 'Sammenlign' }).click();
    const diff = page.getByTestId('safety-diff');
    await expect(diff.getByRole('heading', { name: 'Sikkerhedsplanen: udgave 1 og 2' })).toBeVisible();
    await expect(diff.getByTestId('diff-Det er vi bekymrede for').locator('tr.diff-added')).toContainText('At Kim kommer på besøg uanmeldt.');
    await expect(diff.getByTestId('diff-Tegn, vi har aftalt').locator('tr.diff-changed')).toContainText('Sara holder op med at spise eller sove.');
    await shotBoth(page, '907-sikkerhedsplan-sammenlign');
    await expectAccessible(page, 'Sikkerhedsplan: sammenligning');

    // The sikkerhedsplan for the family on paper.
    await goTo(page, `${base}/netvaerk/sikkerhedsplan`);
    await page.getByRole('link', { name: 'Udskriv til familien' }).click();
    await expect(page.getByTestId('safety-print')).toBeVisible();
    await shot(page, '908-sikkerhedsplan-udskrift');
    await expectAccessible(page, 'Sikkerhedsplan: udskrift');
    const safetyPdf = await printAllPages(page, '908-sikkerhedsplan-pdf');
    expect(safetyPdf.text).toContain('Vores sikkerhedsplan');
    expect(safetyPdf.text).toContain('Det er vi bekymrede for');
    expect(safetyPdf.flat).toContain('At Kim kommer på besøg uanmeldt.');
    expect(safetyPdf.text).toContain('40 11 22 33');
    expect(safetyPdf.text).toContain(`Side 1 af ${safetyPdf.pages}`);
    expect(safetyPdf.text).not.toContain('Tilbage');

    // The network map on A4.
    await goTo(page, `${base}/netvaerk`);
    await page.getByRole('link', { name: 'Udskriv netværkskortet' }).click();
    await expect(page.getByTestId('network-map-print').getByTestId('map-person')).toHaveCount(5);
    await shot(page, '909-netvaerkskort-udskrift');
    await expectAccessible(page, 'Netværkskort: udskrift');
    const mapPdf = await printAllPages(page, '909-netvaerkskort-pdf');
    for (const text of ['Netværkskort', 'Familien Holm', 'Inger Holm', 'Mormor', 'Birgit Sand', 'Belaster', 'Fagpersoner']) expect(mapPdf.flat).toContain(text);
    expect(mapPdf.pages).toBeLessThanOrEqual(2);
  } finally {
    await server.stop();
  }
});
