/** The gate before a draft: text that cannot be a privacy policy gets a reason instead of a config. */

/**
 * Why a text cannot be a privacy policy, or null when it may be one: empty, binary, JSON (a
 * config, perhaps cut short) or prose that never speaks of privacy, personal data or cookies.
 */
export function rejectInput(text: string): string | null {
  if (!text.trim()) return 'the text is empty: give the privacy policy as plain text.';
  const control = text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (text.includes('\u0000') || control > text.length / 100) return 'this is a binary file, not text: give the privacy policy as plain text.';
  if (/^\s*[{[]/.test(text)) {
    try {
      JSON.parse(text);
      return 'this is JSON, not a privacy policy: give the policy as plain text (a config is checked by the widget itself).';
    } catch {
      return 'this looks like JSON, and broken JSON at that (cut short?), not a privacy policy: give the policy as plain text.';
    }
  }
  if (!/privacy|personal (?:data|information|details)|data protection|\bcookies?\b|\bcwcis\b|preifatrwydd/i.test(text)) {
    return 'no privacy-policy text found: the text never mentions privacy, personal data or cookies.';
  }
  return null;
}
