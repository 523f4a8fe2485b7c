import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { api, checkA11y, field, isoDay, LAPTOP, setUpQuickly, shotBoth } from './helpers';
import { startServer } from './server';

type Instrument = { id: number; key: string | null; definition: { name: string } };
test.use({ actionTimeout: 15_000 });

type Family = { id: number; persons: { id: number; kind: string; name: string }[] };

/** A family with a mother and a ten-month-old child, moved in four months ago; the admin is its tovholder. */
async function arrangeFamily(page: Page): Promise<{ family: Family; child: number; mother: number; instruments: Instrument[] }> {
  const family = await api<Family>(page, 'families:create', {
    displayName: 'Familien Holm',
    startDate: isoDay(-120),
    persons: [
      { kind: 'mother', name: 'Sara Holm' },
      { kind: 'child', name: 'Liva Holm', birthDate: isoDay(-300) },
    ],
  });
  const find = (kind: string) => family.persons.find((p) => p.kind === kind)?.id ?? 0;
  const instruments = await api<Instrument[]>(page, 'instruments:list', { includeInactive: false });
  return { family, child: find('child'), mother: find('mother'), instruments };
}

const byKey = (list: Instrument[], key: string) => {
  const found = list.find((i) => i.key === key);
  if (!found) throw new Error(`instrument ${key} missing`);
  return found;
};

test('progression: ADBB and PSS over several dates give charts with points and the cut-off band; udviklingsmål with reviews and linked notes; the leader\'s overview and the evaluation export', async ({ page }) => {
  const server = await startServer();
  try {
    await page.setViewportSize(LAPTOP);
    await setUpQuickly(page, server.url);
    await page.reload();
    const { family, child, mother, instruments } = await arrangeFamily(page);
    const adbb = byKey(instruments, 'adbb');
    const pss = byKey(instruments, 'pss');
    // Two earlier ADBB measurements and three PSS measurements through the backend; the third ADBB through the screen.
    // Totals 3 and 1: under the cut-off ≥ 5.
    for (const [days, first] of [[-90, 3], [-60, 1]] as const) {
      await api(page, 'measurements:create', { familyId: family.id, personId: child, instrumentId: adbb.id, measuredOn: isoDay(days), items: Array.from({ length: 8 }, (_, i) => ({ value: i === 0 ? first : 0 })) });
    }
    for (const [days, value] of [[-100, 4], [-70, 3], [-40, 2]] as const) {
      await api(page, 'measurements:create', { familyId: family.id, personId: mother, instrumentId: pss.id, measuredOn: isoDay(days), items: Array.from({ length: 18 }, () => ({ value })) });
    }

    await page.goto(`${server.url}#/familier/${family.id}/progression`);
    await page.getByRole('button', { name: 'Ny måling' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ny måling' });
    // Another instrument with as many items starts empty: an ORS answer is no SRS answer.
    await field(dialog, 'Måleredskab').selectOption({ label: `${byKey(instruments, 'ors').definition.name} · forælderen` });
    await dialog.locator('#item-0').fill('7');
    await field(dialog, 'Måleredskab').selectOption({ label: `${byKey(instruments, 'srs').definition.name} · forælderen` });
    await expect(dialog.locator('#item-0')).toHaveValue('');
    await field(dialog, 'Måleredskab').selectOption({ label: `${adbb.definition.name} · barnet` });
    await field(dialog, 'Barn').selectOption({ label: 'Liva Holm' });
    for (let i = 0; i < 8; i++) await dialog.locator(`#item-${i}`).fill(i < 3 ? '2' : '0');
    await dialog.getByRole('button', { name: 'Gem måling' }).click();
    await expect(dialog).toHaveCount(0);

    const charts = page.locator('.time-chart');
    await expect(charts.first()).toBeVisible();
    // The ADBB chart: three points, the latest (total 6) flagged over the cut-off ≥ 5, and the hatched band.
    const adbbFigure = page.locator('figure.chart-figure', { hasText: adbb.definition.name }).first();
    await expect(adbbFigure.locator('.chart-point')).toHaveCount(3);
    await expect(adbbFigure.locator('.chart-point[data-flagged="true"]')).toHaveCount(1);
    await expect(adbbFigure.locator('.chart-point[data-value="6"]')).toHaveCount(1);
    await expect(adbbFigure.locator('.cutoff-band')).toHaveCount(1);
    const pssFigure = page.locator('figure.chart-figure', { hasText: pss.definition.name }).first();
    await expect(pssFigure.locator('.chart-point')).toHaveCount(3);
    await shotBoth(page, '130-progression');
    await checkA11y(page, 'Progression');

    // A dagbog note to link to the goal.
    const [category] = await api<{ id: number }[]>(page, 'journal:categories', {});
    await api(page, 'journal:sign', { familyId: family.id, observedAt: new Date(Date.now() - 86_400_000).toISOString(), shift: 'day', categoryId: category?.id ?? null, personIds: [mother], text: 'Sara lagde selv Liva til at sove og sang for hende.', concern: 'none' });

    // Mål: a goal in the mother's own words, a review with both scores, a linked note.
    await page.getByRole('link', { name: 'Mål', exact: true }).click();
    await expect(page.getByText('Familien har ingen udviklingsmål endnu.', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: 'Nyt mål' }).click();
    const goalDialog = page.getByRole('dialog', { name: 'Nyt udviklingsmål' });
    await field(goalDialog, 'Målet med forældrenes egne ord').fill('Jeg vil selv kunne lægge Liva til at sove om aftenen');
    await field(goalDialog, 'Område').selectOption({ label: 'Omsorg og struktur i hverdagen' });
    await field(goalDialog, 'Start').fill(isoDay(-60));
    await goalDialog.getByRole('button', { name: 'Opret mål' }).click();
    await expect(goalDialog).toHaveCount(0);
    const goal = page.getByTestId('goal');
    await expect(goal.getByRole('heading', { name: 'Jeg vil selv kunne lægge Liva til at sove om aftenen' })).toBeVisible();
    await expect(goal.getByText('Opfølgning overskredet')).toBeVisible();

    await goal.getByRole('button', { name: 'Ny opfølgning' }).click();
    const review = page.getByRole('dialog', { name: 'Opfølgning på målet' });
    await review.getByRole('button', { name: 'Gem opfølgning' }).click();
    await expect(review.getByText('Angiv point: medarbejdernes, forældrenes eller begge.')).toBeVisible();
    await field(review, 'Medarbejdernes vurdering').selectOption('6');
    await field(review, 'Forældrenes egen vurdering').selectOption('8');
    await field(review, 'Forældrenes egne ord').fill('Det går bedre, når vi har en fast rytme');
    await review.getByLabel('Sara Holm').check();
    await review.getByRole('button', { name: 'Gem opfølgning' }).click();
    await expect(review).toHaveCount(0);
    const reviews = goal.getByTestId('goal-reviews');
    await expect(reviews.locator('tbody tr')).toHaveCount(1);
    await expect(reviews.locator('tbody tr').first()).toContainText('Det går bedre, når vi har en fast rytme');
    await expect(reviews.locator('tbody tr').first()).toContainText('Sara Holm');
    await expect(goal.getByText('Opfølgning overskredet')).toHaveCount(0);
    await expect(goal.locator('.chart-point')).toHaveCount(2);

    await goal.getByRole('button', { name: 'Knyt notater' }).click();
    const link = page.getByRole('dialog', { name: 'Knyt notater til målet' });
    await link.getByRole('button', { name: 'Knyt til målet' }).click();
    await expect(link.getByText('Vælg mindst ét notat.')).toBeVisible();
    await link.getByRole('checkbox', { name: /lagde selv Liva/ }).check();
    await link.getByRole('button', { name: 'Knyt til målet' }).click();
    await expect(link).toHaveCount(0);
    await expect(goal.getByTestId('goal-notes')).toContainText('Sara lagde selv Liva til at sove');

    // A new note linked to the goal as it is signed.
    await page.getByRole('button', { name: 'Nyt notat', exact: true }).click();
    const entry = page.getByRole('dialog', { name: 'Nyt notat' });
    await entry.locator('#entry-categoryId').selectOption({ index: 1 });
    await entry.locator('#entry-text').fill('Liva faldt i søvn efter godnatsangen, Sara blev hos hende.');
    await entry.getByRole('button', { name: 'Underskriv …' }).click();
    await entry.getByLabel(/Jeg vil selv kunne lægge Liva/).check();
    await entry.getByRole('button', { name: 'Underskriv', exact: true }).click();
    await expect(entry).toHaveCount(0);
    await page.getByRole('link', { name: 'Mål', exact: true }).click();
    await expect(goal.getByTestId('goal-notes').locator('li')).toHaveCount(2);
    await expect(goal.getByTestId('goal-notes')).toContainText('Liva faldt i søvn efter godnatsangen');

    // A change is a new version with a reason; the old wording stays visible.
    await goal.getByRole('button', { name: 'Ændr mål' }).click();
    const revise = page.getByRole('dialog', { name: 'Ændr mål' });
    await field(revise, 'Målet med forældrenes egne ord').fill('Jeg vil lægge Liva til at sove uden hjælp fem aftener om ugen');
    await revise.getByRole('button', { name: 'Gem ændring' }).click();
    await expect(revise.getByText('Skriv hvorfor målet ændres.')).toBeVisible();
    await field(revise, 'Begrundelse for ændringen').fill('Gjort mere konkret med Sara');
    await revise.getByRole('button', { name: 'Gem ændring' }).click();
    await expect(revise).toHaveCount(0);
    await expect(goal.getByRole('heading', { name: 'Jeg vil lægge Liva til at sove uden hjælp fem aftener om ugen' })).toBeVisible();
    await expect(goal.getByText('Tidligere versioner (1)')).toBeVisible();
    await shotBoth(page, '131-maal');
    await checkA11y(page, 'Mål');

    // The leader's overview: the family's latest ADBB over the cut-off and its overdue ASQ:SE-2, linking to the tab.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Progression' }).click();
    await expect(page.getByRole('heading', { name: 'Progression', level: 1 })).toBeVisible();
    const row = page.getByTestId('progression-overview').getByRole('row', { name: /Familien Holm/ });
    await expect(row).toContainText('ADBB');
    await expect(row).toContainText('Liva Holm: 6 (≥ 5)');
    await shotBoth(page, '132-leder-progression');
    await checkA11y(page, 'Ledelse: progression');
    await row.getByRole('link', { name: 'Familien Holm' }).click();
    await expect(page.getByRole('heading', { name: 'Grafer' })).toBeVisible();

    // The family's overview lists what is due; the leaders' front page names the family.
    await page.getByRole('link', { name: 'Overblik' }).click();
    await expect(page.getByTestId('due-summary')).toContainText('ASQ:SE-2');
    await page.getByRole('link', { name: 'Forside' }).click();
    await expect(page.getByTestId('progression-attention')).toContainText('Familien Holm: 1 over grænseværdien');

    // Evalueringsudtræk: the current family on request; the saved files carry no names.
    await page.getByRole('link', { name: 'Evalueringsudtræk' }).click();
    await page.getByLabel('Tag også familier med, der bor her nu').check();
    await page.getByRole('button', { name: 'Lav udtræk' }).click();
    await expect(page.getByRole('heading', { name: 'Udtræk med 1 familie' })).toBeVisible();
    const files = page.getByTestId('evaluation-files').locator('tbody tr');
    expect(await files.count()).toBeGreaterThan(1);
    for (let i = 0; i < (await files.count()); i++) {
      const [download] = await Promise.all([page.waitForEvent('download'), files.nth(i).getByRole('button', { name: /^Gem/ }).click()]);
      const text = fs.readFileSync(await download.path(), 'utf8');
      for (const secret of ['Holm', 'Sara', 'Liva', 'sove']) expect(text).not.toContain(secret);
    }
  } finally {
    await server.stop();
  }
});

test('instruments: a leader enters ASQ:SE-2 cut-offs per interval, adds an own instrument with Danish validation, changes it, and takes it out of use', async ({ page }) => {
  const server = await startServer();
  try {
    await page.setViewportSize(LAPTOP);
    await setUpQuickly(page, server.url);
    await page.reload();
    await page.getByRole('link', { name: 'Måleredskaber' }).click();
    const table = page.getByTestId('instruments');
    const asq = table.getByRole('row', { name: /ASQ:SE-2/ });
    await expect(asq).toContainText('0 af 9 indtastet');
    await asq.getByRole('button', { name: /Grænseværdier pr. interval/ }).click();
    const dialog = page.getByRole('dialog', { name: /Grænseværdier pr. interval/ });
    await dialog.getByLabel('Grænseværdi, 12-måneders-skema').fill('48');
    await dialog.getByRole('button', { name: 'Gem som ny version' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(asq).toContainText('1 af 9 indtastet');
    await expect(asq.getByRole('cell').nth(3)).toHaveText('2');

    await page.getByRole('button', { name: 'Nyt måleredskab' }).click();
    const create = page.getByRole('dialog', { name: 'Nyt måleredskab' });
    await create.getByRole('button', { name: 'Opret måleredskab' }).click();
    await expect(create.getByText('Skriv et navn.')).toBeVisible();
    await field(create, 'Navn').fill('Trivselsskala');
    await field(create, 'Antal punkter').fill('5');
    await field(create, 'Omvendte punkter').fill('2, 9');
    await field(create, 'Markér totalen når den er').selectOption({ label: '≥' });
    await field(create, 'Grænseværdi').fill('12');
    await create.getByRole('button', { name: 'Opret måleredskab' }).click();
    await expect(create.getByText('Vælg retning, når der er en grænseværdi.')).toBeVisible();
    await field(create, 'Retning').selectOption({ label: 'Højere score er mere bekymrende' });
    await create.getByRole('button', { name: 'Opret måleredskab' }).click();
    await expect(create.getByText('Et omvendt punkt findes ikke (der er 5).')).toBeVisible();
    await field(create, 'Omvendte punkter').fill('2');
    await create.getByRole('button', { name: 'Opret måleredskab' }).click();
    await expect(create).toHaveCount(0);
    const own = table.getByRole('row', { name: /Trivselsskala/ });
    await expect(own).toContainText('≥ 12');
    await own.getByRole('button', { name: 'Ret Trivselsskala' }).click();
    const edit = page.getByRole('dialog', { name: 'Ret måleredskab: Trivselsskala' });
    await expect(field(edit, 'Omvendte punkter')).toHaveValue('2');
    await field(edit, 'Grænseværdi').fill('14');
    await edit.getByRole('button', { name: 'Gem ny version' }).click();
    await expect(edit).toHaveCount(0);
    await expect(own).toContainText('≥ 14');
    await expect(own.getByRole('cell').nth(3)).toHaveText('2');
    await own.getByRole('button', { name: /Tag ud af brug/ }).click();
    await expect(own).toContainText('Ikke i brug');
    await shotBoth(page, '133-maaleredskaber');
    await checkA11y(page, 'Måleredskaber');
  } finally {
    await server.stop();
  }
});
