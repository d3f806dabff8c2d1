// MiniSpark UI: live refresh. While the application has running jobs the server marks the page
// <body data-live="true">; this script then fetches the same page every two seconds and swaps in the new
// <main id="content">, until a fetched page says data-live="false". No other script runs on the pages.
(function () {
  'use strict';
  var PERIOD_MS = 2000;

  function isLive(body) {
    return body && body.getAttribute('data-live') === 'true';
  }

  function schedule() {
    if (isLive(document.body)) window.setTimeout(refresh, PERIOD_MS);
  }

  function refresh() {
    window.fetch(window.location.href, { cache: 'no-store', headers: { 'Accept': 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (text) {
        if (text === null) return;
        // DOMParser never runs scripts; the server has encoded every value already.
        var fresh = new DOMParser().parseFromString(text, 'text/html');
        var content = fresh.getElementById('content');
        var current = document.getElementById('content');
        if (content && current) current.replaceWith(document.importNode(content, true));
        document.body.setAttribute('data-live', isLive(fresh.body) ? 'true' : 'false');
      })
      .catch(function () { /* the application stopped: keep what is shown */ })
      .then(schedule);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', schedule);
  else schedule();
})();
