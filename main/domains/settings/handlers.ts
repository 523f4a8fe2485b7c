import { handlers } from '../../core/context';
import type { SessionState } from '../../core/session';
import type { LoginThrottle } from '../../keys/throttle';
import type { InstitutionName } from './institution';
import { readSettings, writeSetting } from './queries';

/** The institution's settings. */
export function settingsHandlers(deps: { institution: InstitutionName; session: SessionState; throttle: LoginThrottle }) {
  const { institution, session, throttle } = deps;
  return handlers({
    'settings:get': {
      audit: 'none', // institution settings, no family data
      async run({ db }) {
        return { institutionName: await institution.read(db), ...(await readSettings(db)) };
      },
    },

    'settings:update': {
      audit: {
        action: 'change',
        subject: 'indstillinger',
        detail: (input) => ({ idleLockMinutes: input.idleLockMinutes, needToKnow: input.needToKnow, loginMaxFailures: input.loginMaxFailures, loginLockoutMinutes: input.loginLockoutMinutes, accessLogRetentionYears: input.accessLogRetentionYears, familyRetentionYears: input.familyRetentionYears, shiftTimes: input.shiftTimes }),
      },
      write: true,
      async run({ db, onCommit }, input) {
        await institution.write({ db, onCommit }, input.institutionName);
        await writeSetting(db, 'idleLockMinutes', input.idleLockMinutes);
        if (input.needToKnow !== undefined) await writeSetting(db, 'needToKnow', input.needToKnow);
        if (input.loginMaxFailures !== undefined) await writeSetting(db, 'loginMaxFailures', input.loginMaxFailures);
        if (input.loginLockoutMinutes !== undefined) await writeSetting(db, 'loginLockoutMinutes', input.loginLockoutMinutes);
        if (input.accessLogRetentionYears !== undefined) await writeSetting(db, 'accessLogRetentionYears', input.accessLogRetentionYears);
        if (input.shiftTimes !== undefined) await writeSetting(db, 'shiftTimes', input.shiftTimes);
        if (input.familyRetentionYears !== undefined) await writeSetting(db, 'familyRetentionYears', input.familyRetentionYears);
        const settings = await readSettings(db);
        onCommit(() => {
          session.applySettings(settings);
          throttle.setPolicy({ maxFailures: settings.loginMaxFailures, windowMinutes: 15, lockoutMinutes: settings.loginLockoutMinutes });
        });
        return { institutionName: input.institutionName, ...settings };
      },
    },
  });
}
