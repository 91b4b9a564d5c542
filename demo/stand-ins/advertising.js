/**
 * Stand-in for a third-party advertising script. It sets the first-party cookies named in
 * `data-cookies` ("__gads:P13M") and shows an advert: a banner in the element with id `data-slot`
 * (default "advert-slot"), or with `data-format="popup"` a pop-up offer, shown once and then
 * remembered in its cookie. `data-headline`, `data-body`, `data-cta` and `data-link` give the advert's words.
 * The widget runs it only with consent to advertising.
 */
(() => {
  const script = document.currentScript;
  const options = script?.dataset ?? {};
  const SECONDS = { Y: 31536000, M: 2592000, W: 604800, D: 86400 };
  const read = (name) => document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`))?.slice(name.length + 1);
  const declared = (options.cookies ?? '').split(',').map((entry) => entry.trim().split(':')).filter(([name]) => name);
  const popup = options.format === 'popup';
  const alreadySeen = popup && declared.some(([name]) => read(name) === 'offer-seen');

  for (const [name, lifetime] of declared) {
    const [, count, unit] = /^P(\d+)([YMWD])$/.exec(lifetime ?? '') ?? [];
    const maxAge = count ? `; max-age=${count * SECONDS[unit]}` : '';
    const value = popup ? 'offer-seen' : (read(name) ?? `1.${Math.floor(Date.now() / 1000)}.${Math.floor(Math.random() * 1e9)}`);
    document.cookie = `${name}=${value}; path=/; SameSite=Lax${maxAge}`;
  }

  const advert = document.createElement(popup ? 'aside' : 'div');
  if (popup) {
    advert.className = 'popup-offer';
    advert.setAttribute('aria-labelledby', 'popup-offer-title');
    advert.innerHTML = '<h2 id="popup-offer-title"></h2><p></p><div class="actions"><a class="button"></a><button type="button" class="button secondary">No thanks</button></div>';
    advert.querySelector('button').addEventListener('click', () => advert.remove());
  } else {
    advert.className = 'advert';
    advert.innerHTML = '<span class="ad-label">Advertisement</span><div><strong></strong><span></span></div><a class="button"></a>';
  }
  advert.querySelector(popup ? 'h2' : 'strong').textContent = options.headline ?? 'An advert';
  advert.querySelector(popup ? 'p' : 'span:not(.ad-label)').textContent = options.body ?? '';
  const link = advert.querySelector('a');
  link.href = options.link ?? '#';
  link.textContent = options.cta ?? 'Find out more';

  if (popup) {
    if (!alreadySeen) document.body.append(advert);
  } else {
    const slot = document.getElementById(options.slot ?? 'advert-slot');
    if (slot) {
      slot.replaceChildren(advert);
      slot.classList.add('filled');
    }
  }

  const names = declared.map(([name]) => name);
  const badges = document.getElementById('stand-in-badges') ?? document.body;
  const badge = document.createElement('span');
  badge.className = 'stand-in-badge';
  badge.textContent = `Advertising stand-in ran${alreadySeen ? ': offer already seen' : ''}${names.length ? ` (set ${names.join(', ')})` : ''}`;
  badges.append(badge);

  (window.demoRan ??= []).push('advertising');
  document.dispatchEvent(new CustomEvent('demo-stand-in-ran', { detail: { name: 'advertising', cookies: names } }));
})();
