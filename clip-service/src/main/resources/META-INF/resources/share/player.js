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

// The clip's video is made on first request: until it is, its URL answers 202 (not a video) and the element reports
// an error. Load it again every few seconds, a bounded number of times, and say so beside it.
(function () {
  'use strict';
  var video = document.getElementById('clip-video');
  if (!video) {
    return;
  }
  var RETRY_MS = 2000;
  var MAX_RETRIES = 45;
  var src = video.getAttribute('src');
  var retries = 0;
  var wanted = false;
  var status = document.createElement('p');
  status.className = 'clip-video-status';
  status.setAttribute('role', 'status');
  video.parentNode.insertBefore(status, video.nextSibling);
  window.clipVideo = { retries: 0 };
  video.addEventListener('play', function () {
    wanted = true;
  });
  video.addEventListener('error', function () {
    if (retries >= MAX_RETRIES) {
      status.textContent = 'The video could not be made; try again later.';
      return;
    }
    retries += 1;
    window.clipVideo.retries = retries;
    status.textContent = 'Making the video…';
    setTimeout(function () {
      video.setAttribute('src', src);
      video.load();
      if (wanted) {
        video.play().catch(function () { /* the next error event retries */ });
      }
    }, RETRY_MS);
  });
  video.addEventListener('loadedmetadata', function () {
    status.textContent = '';
  });
})();
