// Share-page player: start at the clip's start, stop at its end. Served as a static file so the page's
// Content-Security-Policy can stay at script-src 'self' (no inline script). The media URL carries #t=start,end as
// well, for players and browsers that honour media fragments on their own.
(function () {
  'use strict';
  var audio = document.getElementById('player');
  if (!audio) {
    return;
  }
  var startMs = parseInt(audio.getAttribute('data-start-ms'), 10);
  var endMs = parseInt(audio.getAttribute('data-end-ms'), 10);
  if (!(startMs >= 0) || !(endMs > startMs)) {
    return;
  }
  // Tolerance for "already at the start": seeks land on frame boundaries, not exact milliseconds.
  var SEEK_TOLERANCE_MS = 250;
  var state = { startMs: startMs, endMs: endMs, seeked: false, stoppedAtEnd: false };
  window.clipPlayer = state;

  function nowMs() {
    return audio.currentTime * 1000;
  }

  function seekToStart() {
    if (Math.abs(nowMs() - startMs) > SEEK_TOLERANCE_MS) {
      audio.currentTime = startMs / 1000;
    }
    state.seeked = true;
  }

  if (audio.readyState >= 1) {
    seekToStart();
  } else {
    audio.addEventListener('loadedmetadata', seekToStart, { once: true });
  }
  audio.addEventListener('play', function () {
    // Playing again after the end, or after scrubbing outside the clip, starts the clip over.
    if (nowMs() >= endMs || nowMs() < startMs - SEEK_TOLERANCE_MS) {
      audio.currentTime = startMs / 1000;
    }
    state.stoppedAtEnd = false;
  });
  audio.addEventListener('pause', function () {
    // Browsers that honour the #t=start,end fragment pause at the end on their own.
    if (nowMs() >= endMs - SEEK_TOLERANCE_MS) {
      state.stoppedAtEnd = true;
    }
  });
  audio.addEventListener('timeupdate', function () {
    if (!audio.paused && nowMs() >= endMs) {
      audio.pause();
      audio.currentTime = endMs / 1000;
      state.stoppedAtEnd = true;
    }
  });
}());
