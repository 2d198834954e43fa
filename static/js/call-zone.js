/* Times for a call are shown in the reader's own time zone: the first visit without one asks
 * again with the browser's zone (the zone menu stays for anyone who wants another). */
(() => {
  const params = new URLSearchParams(window.location.search);
  if (params.has("tz")) return;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const menu = document.querySelector("[data-call-zone] select");
  if (!zone || !menu || menu.value === zone || ![...menu.options].some((o) => o.value === zone)) return;
  params.set("tz", zone);
  window.location.replace(`${window.location.pathname}?${params}`);
})();
