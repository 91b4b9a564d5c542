/**
 * The widget's interface: the preferences dialog's content, the placeholders of held embeds and the
 * cookie audit, all Lit but the audit. `<cookie-consent>` and its banner are drawn without it; the
 * runtime loads it when the browser is idle after the banner, when the dialog first opens or when a
 * placeholder is shown. A returning visitor's page views never do. In the script-tag build it is a
 * file of its own beside the script.
 */
import type { ConsentRuntime, WidgetInterface } from './runtime/consent-runtime.js';
import type { AuditEntry } from './core/audit.js';
import { grantChoices } from './core/decision.js';
import { currentRuntime } from './runtime/runtime-on-window.js';
import { CookieAuditor } from './page/cookie-audit.js';
import { definePlaceholder, type AllowEvent } from './elements/placeholder/placeholder.js';

/** Each runtime's auditor (tests start a fresh runtime on the same page). */
const auditors = new WeakMap<ConsentRuntime, CookieAuditor>();

/**
 * A blocked embed's placeholder asked for what it needs: every category it names, and its service
 * (an older copy of the placeholder on the page sends none). Placeholders exist only with the
 * interface, so this listens from the moment it is attached, for whichever runtime is the page's.
 */
function handleAllow({ detail }: AllowEvent): void {
  const runtime = currentRuntime();
  if (runtime.status !== 'ready') return;
  const { choices, unknown } = grantChoices(runtime.config, runtime.record, detail.categories, detail.services ?? []);
  if (unknown.length) console.error(`cookie-consent: ${unknown.join(', ')} is not in the config, so the element that needs it stays blocked.`);
  else runtime.decide(choices, 'placeholder');
}

/** Makes the interface the runtime's: the placeholders and the audit; then redraws. */
export const attach: WidgetInterface['attach'] = async (runtime) => {
  // The dialog is what a visitor who met the banner opens next: its chunk is fetched now, not on the click.
  if (runtime.needsDecision) void import('./elements/cookie-consent/preferences-panel.js').catch(() => undefined);
  await runtime.configured;
  // Once for the page, however many runtimes attach (tests start fresh ones): a named listener is added once.
  document.addEventListener('cookie-consent-allow', handleAllow);
  definePlaceholder();
  if (runtime.status === 'ready' && !auditors.has(runtime)) {
    // Undeclared cookies are reported where the banner is: on a first visit, or when the settings open.
    const auditor = new CookieAuditor(runtime.config, () => runtime.target);
    auditors.set(runtime, auditor);
    auditor.watch();
  }
  runtime.changed();
};

/**
 * The preferences dialog's content, drawn into `<cookie-consent>`'s dialog: a chunk of its own, which
 * takes Lit from this file, so a page whose visitor only meets placeholders never downloads it.
 */
export const preferences: WidgetInterface['preferences'] = async (host, dialog) => {
  const { PreferencesPanel } = await import('./elements/cookie-consent/preferences-panel.js');
  return new PreferencesPanel(host, dialog);
};

/** Stops the runtime's audit from watching the page's cookies. */
export const detach: WidgetInterface['detach'] = (runtime) => auditors.get(runtime)?.stop();

/** The runtime's cookie audit (none under an invalid config). */
export const audit: WidgetInterface['audit'] = async (runtime): Promise<AuditEntry[]> => auditors.get(runtime)?.audit() ?? [];
