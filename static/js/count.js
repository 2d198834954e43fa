// Tells the site this page was read, for content performance: the page itself may come from
// the edge cache, which the site never hears from. No cookie, nothing about the reader; not
// sent when the browser asks not to be tracked (the server checks again).
(function () {
  if (navigator.doNotTrack === "1" || navigator.globalPrivacyControl || !navigator.sendBeacon) {
    return;
  }
  navigator.sendBeacon("/count/", location.pathname);
})();
