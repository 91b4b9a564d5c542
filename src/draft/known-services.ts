/**
 * Well-known services a privacy policy may name, with the cookies their own documentation lists,
 * the usual lifetimes and the hosts their scripts and frames load from. Facts only, each service
 * with the public page they come from; the drafter uses them when a policy names the service (or
 * one of its cookies) without giving the details itself. Lifetimes are the vendors' defaults.
 */

/** A cookie a service sets, as its documentation describes it. */
export interface KnownCookie {
  /** Exact name; absent when the name carries a site-specific id, then `pattern` matches it. */
  name?: string;
  /** Regular expression (source text) for names with a site-specific part. */
  pattern?: string;
  /** How the documentation writes the name ("_ga_<container-id>"). */
  label: string;
  /** ISO 8601 duration or "session". */
  lifetime: string;
  /** Third-party domain; absent for a cookie set on the site's own domain. */
  domain?: string;
  purpose: string;
}

export interface KnownService {
  id: string;
  name: string;
  provider: string;
  category: 'preferences' | 'analytics' | 'advertising';
  /** How policies name the service (matched case-insensitively, as whole words). */
  aliases: string[];
  /**
   * Only cookies whose name and lifetime the vendor's page states; empty when it states none we
   * could confirm, and then the drafter asks for them rather than guessing.
   */
  cookies: KnownCookie[];
  /** Hosts held back until consent (patterns as in a config's `hosts`). */
  hosts: string[];
  /** The public documentation the cookies and lifetimes come from. */
  source: string;
}

export const KNOWN_SERVICES: KnownService[] = [
  {
    id: 'google-analytics',
    name: 'Google Analytics',
    provider: 'Google',
    category: 'analytics',
    aliases: ['Google Analytics', 'GA4', 'Universal Analytics'],
    cookies: [
      { name: '_ga', label: '_ga', lifetime: 'P2Y', purpose: 'Tells visitors apart, so visits can be counted.' },
      { pattern: '^_ga_', label: '_ga_<container-id>', lifetime: 'P2Y', purpose: 'Keeps the state of a visit (session) for Google Analytics.' },
    ],
    hosts: ['*.google-analytics.com', '*.googletagmanager.com'],
    source: 'https://support.google.com/analytics/answer/11397207',
  },
  {
    id: 'google-ads',
    name: 'Google Ads',
    provider: 'Google',
    category: 'advertising',
    aliases: ['Google Ads', 'Google AdWords', 'AdWords', 'DoubleClick', 'Google Marketing Platform', 'Google AdSense', 'AdSense'],
    cookies: [],
    hosts: ['*.doubleclick.net', '*.googleadservices.com', '*.googlesyndication.com'],
    source: 'https://business.safety.google/adscookies/',
  },
  {
    id: 'meta-pixel',
    name: 'Meta Pixel',
    provider: 'Meta',
    category: 'advertising',
    aliases: ['Meta Pixel', 'Facebook Pixel', 'Facebook advertising', 'Facebook ads', 'Meta advertising'],
    cookies: [],
    hosts: ['connect.facebook.net', 'www.facebook.com'],
    source: 'https://www.facebook.com/privacy/policies/cookies/',
  },
  {
    id: 'hotjar',
    name: 'Hotjar',
    provider: 'Hotjar',
    category: 'analytics',
    aliases: ['Hotjar'],
    cookies: [
      { pattern: '^_hjSessionUser_', label: '_hjSessionUser_<site-id>', lifetime: 'P1Y', purpose: 'Keeps a visitor id for Hotjar, so later visits count as the same visitor.' },
      { pattern: '^_hjSession_', label: '_hjSession_<site-id>', lifetime: 'PT30M', purpose: 'Holds the current visit for Hotjar.' },
    ],
    hosts: ['*.hotjar.com', '*.hotjar.io'],
    source: 'https://help.hotjar.com/hc/en-us/articles/6952777582999-Cookies-Set-by-the-Hotjar-Tracking-Code',
  },
  {
    id: 'youtube',
    name: 'YouTube',
    provider: 'Google',
    category: 'advertising',
    aliases: ['YouTube'],
    cookies: [
      { name: 'YSC', label: 'YSC', lifetime: 'session', domain: 'youtube.com', purpose: 'Used by YouTube for security: makes sure requests during a visit come from you, not from other sites.' },
      { name: 'VISITOR_INFO1_LIVE', label: 'VISITOR_INFO1_LIVE', lifetime: 'P6M', domain: 'youtube.com', purpose: 'Remembers your YouTube preferences and helps YouTube find and fix problems with the service.' },
    ],
    hosts: ['www.youtube.com', 'www.youtube-nocookie.com'],
    source: 'https://policies.google.com/technologies/cookies',
  },
  {
    id: 'linkedin-insight',
    name: 'LinkedIn Insight Tag',
    provider: 'LinkedIn',
    category: 'advertising',
    aliases: ['LinkedIn Insight', 'LinkedIn Insight Tag', 'LinkedIn advertising', 'LinkedIn ads'],
    cookies: [],
    hosts: ['snap.licdn.com', 'px.ads.linkedin.com'],
    source: 'https://www.linkedin.com/legal/l/cookie-table',
  },
  {
    id: 'microsoft-clarity',
    name: 'Microsoft Clarity',
    provider: 'Microsoft',
    category: 'analytics',
    aliases: ['Microsoft Clarity'],
    cookies: [],
    hosts: ['*.clarity.ms'],
    source: 'https://learn.microsoft.com/en-us/clarity/setup-and-installation/cookie-list',
  },
  {
    id: 'hubspot',
    name: 'HubSpot',
    provider: 'HubSpot',
    category: 'analytics',
    aliases: ['HubSpot'],
    cookies: [
      { name: '__hstc', label: '__hstc', lifetime: 'P6M', purpose: 'The main HubSpot cookie for tracking visitors: first, last and current visit.' },
      { name: 'hubspotutk', label: 'hubspotutk', lifetime: 'P6M', purpose: 'Keeps track of a visitor’s identity for HubSpot, passed on when a form is sent.' },
      { name: '__hssc', label: '__hssc', lifetime: 'PT30M', purpose: 'Counts the pages of a visit for HubSpot.' },
      { name: '__hssrc', label: '__hssrc', lifetime: 'session', purpose: 'Tells HubSpot when the browser was restarted.' },
    ],
    hosts: ['js.hs-scripts.com', 'js.hs-analytics.net', 'js.hs-banner.com'],
    source: 'https://knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser',
  },
  {
    id: 'intercom',
    name: 'Intercom',
    provider: 'Intercom',
    category: 'preferences',
    aliases: ['Intercom'],
    cookies: [
      { pattern: '^intercom-id-', label: 'intercom-id-<app-id>', lifetime: 'P9M', purpose: 'A visitor id for the Intercom chat, so it can tell visitors apart.' },
      { pattern: '^intercom-session-', label: 'intercom-session-<app-id>', lifetime: 'P1W', purpose: 'Keeps the chat session, so you can see your conversations for a week.' },
      { pattern: '^intercom-device-id-', label: 'intercom-device-id-<app-id>', lifetime: 'P9M', purpose: 'Identifies the device that uses the chat, to prevent abuse.' },
    ],
    hosts: ['widget.intercom.io', 'js.intercomcdn.com', '*.intercom.io'],
    source: 'https://www.intercom.com/help/en/articles/2361922-intercom-messenger-cookies',
  },
];

/** Every cookie of the built-in list, service by service. */
export const KNOWN_COOKIES: KnownCookie[] = KNOWN_SERVICES.flatMap((service) => service.cookies);

/** The known service and cookie entry for a cookie name, if any. */
export function knownCookie(name: string): { service: KnownService; cookie: KnownCookie } | undefined {
  for (const service of KNOWN_SERVICES) {
    const cookie = service.cookies.find((entry) => entry.name === name || (entry.pattern && new RegExp(entry.pattern).test(name)));
    if (cookie) return { service, cookie };
  }
  return undefined;
}
