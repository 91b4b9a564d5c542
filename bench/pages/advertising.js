// Stands in for an advertising tag: it must not run before consent to advertising.
window.__advertisingRan = (window.__advertisingRan || 0) + 1;
document.cookie = '_bench_ads=1; path=/; max-age=7776000; samesite=lax';
