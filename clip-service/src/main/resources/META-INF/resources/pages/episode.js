// Episode page: seek links move the player; selecting transcript text offers a clip link of the selected cues'
// range in the stateless share-link format /e/{episode}?t=start,end (seconds). A static file, so the page's
// Content-Security-Policy stays at script-src 'self'.
(function () {
  'use strict';
  var main = document.getElementById('episode');
  var audio = document.getElementById('player');
  if (!main || !audio) {
    return;
  }
  var episodeId = main.getAttribute('data-episode-id');
  var clipBox = document.getElementById('clip-link');
  var clipHref = document.getElementById('clip-href');

  function seconds(ms) {
    // Milliseconds precision without trailing zeros, like the server's links.
    return String(Math.round(ms) / 1000);
  }

  function clock(ms) {
    var s = Math.floor(ms / 1000);
    var h = Math.floor(s / 3600);
    var m = Math.floor(s / 60) % 60;
    var sec = s % 60;
    var mm = (m < 10 ? '0' : '') + m;
    var ss = (sec < 10 ? '0' : '') + sec;
    return h > 0 ? h + ':' + mm + ':' + ss : mm + ':' + ss;
  }

  function seek(ms, play) {
    audio.currentTime = ms / 1000;
    if (play) {
      var p = audio.play();
      if (p && p.catch) {
        p.catch(function () { /* autoplay refused: the position is set anyway */ });
      }
    }
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.seek') : null;
    if (!link) {
      return;
    }
    var ms = parseInt(link.getAttribute('data-seek-ms'), 10);
    if (ms >= 0) {
      event.preventDefault();
      seek(ms, true);
    }
  });

  var startMs = parseInt(main.getAttribute('data-start-ms'), 10);
  if (startMs > 0) {
    audio.addEventListener('loadedmetadata', function () { seek(startMs, false); }, { once: true });
  }

  function cueOf(node) {
    var el = node && node.nodeType === 1 ? node : node && node.parentElement;
    return el && el.closest ? el.closest('p.cue') : null;
  }

  // The range of the cues a selection touches: from the first one's start to the last one's end.
  function selectedRange() {
    var selection = window.getSelection ? window.getSelection() : null;
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      return null;
    }
    var range = selection.getRangeAt(0);
    var cues = Array.prototype.filter.call(document.querySelectorAll('p.cue'), function (cue) {
      return range.intersectsNode(cue);
    });
    var first = cueOf(range.startContainer) || cues[0];
    var last = cueOf(range.endContainer) || cues[cues.length - 1];
    if (!first || !last) {
      return null;
    }
    var starts = [first, last].concat(cues).map(function (c) { return parseInt(c.getAttribute('data-start-ms'), 10); });
    var ends = [first, last].concat(cues).map(function (c) { return parseInt(c.getAttribute('data-end-ms'), 10); });
    var start = Math.min.apply(null, starts);
    var end = Math.max.apply(null, ends);
    return end > start ? { startMs: start, endMs: end } : null;
  }

  function update() {
    var r = selectedRange();
    if (!r) {
      return;
    }
    clipHref.setAttribute('href', '/e/' + encodeURIComponent(episodeId) + '?t=' + seconds(r.startMs) + ','
        + seconds(r.endMs));
    clipHref.textContent = 'Share ' + clock(r.startMs) + '–' + clock(r.endMs);
    clipBox.hidden = false;
  }

  document.addEventListener('mouseup', update);
  document.addEventListener('keyup', update);
  document.addEventListener('touchend', update);
}());
