// Stands in for an analytics tag: it must not run before consent to analytics.
window.__analyticsRan = (window.__analyticsRan || 0) + 1;
// When it first ran, for the returning-visitor figure "released before DOMContentLoaded ends".
window.__analyticsAt ??= performance.now();
document.cookie = '_bench_analytics=1; path=/; max-age=31536000; samesite=lax';
