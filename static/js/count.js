// Tells the site this page was read, for content performance: the page itself may come from
// the edge cache, which the site never hears from. No cookie; the page, where the reader came
// from (the referrer) and the landing address's utm_* tags, nothing else. Not sent when the
// browser asks not to be tracked (the server checks again).
(function () {
  if (navigator.doNotTrack === "1" || navigator.globalPrivacyControl || !navigator.sendBeacon) {
    return;
  }
  var utm = new URLSearchParams();
  new URLSearchParams(location.search).forEach(function (value, name) {
    if (name.indexOf("utm_") === 0) utm.append(name, value);
  });
  navigator.sendBeacon(
    "/count/",
    new URLSearchParams({ p: location.pathname, r: document.referrer, q: utm.toString() }),
  );
})();
