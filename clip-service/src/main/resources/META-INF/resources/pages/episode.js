// Episode page: seek links move the player; the clip maker takes a range from the timeline (drag, or arrow keys),
// from selected transcript text, from a chapter or from its own fields, and shows the range's stateless share link
// /e/{episode}?t=start,end (seconds) with a preview and a copy button; the episode's change stream offers a reload.
// Everything here enhances a page that works without it: the forms still submit to the server, which checks the range
// under the same rules. A static file, so the page's Content-Security-Policy stays at script-src 'self'.
(function () {
  'use strict';
  var main = document.getElementById('episode');
  var audio = document.getElementById('player');
  if (!main || !audio) {
    return;
  }

  function seconds(ms) {
    // Milliseconds precision without trailing zeros, like the server's links.
    return String(Math.round(ms) / 1000);
  }

  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }

  // As the page writes times (01:01, 1:02:01), with the milliseconds when there are any, so that a time put into the
  // form reads back as the same range.
  function clock(ms) {
    var s = Math.floor(ms / 1000);
    var rest = Math.round(ms) % 1000;
    var h = Math.floor(s / 3600);
    var text = (h > 0 ? h + ':' : '') + two(Math.floor(s / 60) % 60) + ':' + two(s % 60);
    return rest > 0 ? text + '.' + String(1000 + rest).substring(1).replace(/0+$/, '') : text;
  }

  // What the server reads (ClipTimes.parse): seconds (773, 773.5) or a clock (12:53, 1:02:01.5); null otherwise.
  function parseTime(text) {
    var s = String(text || '').trim();
    var m = /^(\d{1,6})(?:\.(\d{1,3}))?$/.exec(s);
    if (m) {
      return parseInt(m[1], 10) * 1000 + (m[2] ? parseInt((m[2] + '00').substring(0, 3), 10) : 0);
    }
    m = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/.exec(s);
    if (!m || parseInt(m[3], 10) > 59 || (m[1] && parseInt(m[2], 10) > 59)) {
      return null;
    }
    return ((m[1] ? parseInt(m[1], 10) : 0) * 3600 + parseInt(m[2], 10) * 60 + parseInt(m[3], 10)) * 1000
        + (m[4] ? parseInt((m[4] + '00').substring(0, 3), 10) : 0);
  }

  function number(element, name) {
    var value = element ? element.getAttribute(name) : null;
    return value === null || value === '' ? null : parseInt(value, 10);
  }

  function play() {
    var p = audio.play();
    if (p && p.catch) {
      p.catch(function () { /* autoplay refused: the position is set anyway */ });
    }
  }

  function seek(ms, andPlay) {
    audio.currentTime = ms / 1000;
    if (andPlay) {
      play();
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

  // ---- The clip maker ----

  var maker = document.getElementById('clip-maker');
  var box = document.getElementById('clip-link');
  var shareBase = maker ? maker.getAttribute('data-share-base') : null;
  var clipMaker = window.clipMaker = { startMs: null, endMs: null, href: null, previewing: false };

  if (maker && box && shareBase) {
    var limits = {
      totalMs: number(maker, 'data-total-ms'),
      lastEndMs: number(maker, 'data-last-end-ms'),
      minMs: number(maker, 'data-min-length-ms') || 1,
      maxMs: number(maker, 'data-max-length-ms') || 3600000
    };
    var track = document.getElementById('timeline');
    var clipRect = track ? track.querySelector('rect.clip') : null;
    var startField = document.getElementById('clip-start');
    var endField = document.getElementById('clip-end');
    var chapterField = document.getElementById('clip-chapter');
    var rangeText = document.getElementById('clip-range');
    var link = document.getElementById('clip-href');
    var previewButton = document.getElementById('clip-preview');
    var copyButton = document.getElementById('clip-copy');
    var status = document.getElementById('clip-status');
    var saveButton = document.getElementById('clip-save-button');
    var saved = document.getElementById('clip-saved');

    // A range the clip rules accept (ClipRules): inside the episode, at least the shortest and at most the longest
    // clip; when it must change, the side the person is moving (anchor) stays where they put it.
    var fit = function (fromMs, toMs, anchor) {
      var start = Math.max(0, Math.round(fromMs));
      var end = Math.round(toMs);
      if (limits.lastEndMs !== null) {
        end = Math.min(end, limits.lastEndMs);
        start = Math.min(start, Math.max(0, limits.lastEndMs - limits.minMs));
      }
      if (end - start > limits.maxMs) {
        if (anchor === 'end') {
          start = end - limits.maxMs;
        } else {
          end = start + limits.maxMs;
        }
      }
      if (end - start < limits.minMs) {
        if (anchor === 'end' && end - limits.minMs >= 0) {
          start = end - limits.minMs;
        } else {
          end = start + limits.minMs;
          if (limits.lastEndMs !== null && end > limits.lastEndMs) {
            end = limits.lastEndMs;
            start = Math.max(0, end - limits.minMs);
          }
        }
      }
      return { startMs: start, endMs: end };
    };

    // Why the fields' range makes no clip, in the words the server would use; null when it makes one.
    var invalid = function (start, end) {
      if (start === null || end === null) {
        return 'Give the start and the end as 12:53, 1:02:01 or seconds.';
      }
      if (end <= start) {
        return 'The end must come after the start.';
      }
      if (limits.lastEndMs !== null && end > limits.lastEndMs) {
        return 'The clip ends after the episode does.';
      }
      if (end - start < limits.minMs) {
        return 'A clip lasts at least ' + seconds(limits.minMs) + ' s.';
      }
      if (end - start > limits.maxMs) {
        return 'A clip lasts at most ' + clock(limits.maxMs) + '.';
      }
      return null;
    };

    var percent = function (ms) {
      var total = limits.totalMs || 1;
      return Math.max(0, Math.min(100, ms * 100 / total));
    };

    var describe = function (r) {
      return 'Clip ' + clock(r.startMs) + ' to ' + clock(r.endMs)
          + (limits.totalMs ? ' of ' + clock(limits.totalMs) : '');
    };

    var draw = function (r) {
      if (!track) {
        return;
      }
      if (clipRect) {
        clipRect.setAttribute('x', percent(r.startMs).toFixed(2) + '%');
        clipRect.setAttribute('width', Math.max(percent(r.endMs) - percent(r.startMs), 0.1).toFixed(2) + '%');
        var title = clipRect.querySelector('title');
        if (title) {
          title.textContent = 'Clip ' + clock(r.startMs) + '–' + clock(r.endMs);
        }
      }
      var svg = track.querySelector('svg');
      if (svg) {
        svg.setAttribute('aria-label', describe(r));
      }
      track.setAttribute('aria-valuenow', String(Math.round(r.startMs / 1000)));
      track.setAttribute('aria-valuetext', describe(r));
    };

    var setPreviewing = function (on) {
      clipMaker.previewing = on;
      previewButton.textContent = on ? 'Stop preview' : 'Preview';
      previewButton.setAttribute('aria-pressed', on ? 'true' : 'false');
    };

    // from: what set the range; the fields are rewritten unless they set it (the person is typing in them).
    var show = function (r, from) {
      var href = shareBase + '?t=' + seconds(r.startMs) + ',' + seconds(r.endMs);
      clipMaker.startMs = r.startMs;
      clipMaker.endMs = r.endMs;
      clipMaker.href = href;
      if (from !== 'fields') {
        startField.value = clock(r.startMs);
        endField.value = clock(r.endMs);
      }
      if (from !== 'chapter' && chapterField) {
        var match = -1;
        Array.prototype.forEach.call(chapterField.options, function (option, i) {
          if (number(option, 'data-start-ms') === r.startMs && number(option, 'data-end-ms') === r.endMs) {
            match = i;
          }
        });
        if (match >= 0) {
          chapterField.selectedIndex = match;
        }
      }
      rangeText.textContent = 'Clip ' + clock(r.startMs) + '–' + clock(r.endMs) + ':';
      link.setAttribute('href', href);
      link.textContent = href;
      link.hidden = false;
      previewButton.disabled = false;
      copyButton.disabled = false;
      status.textContent = '';
      if (saveButton) {
        saveButton.disabled = false;
        saved.textContent = '';
      }
      box.hidden = false;
      if (clipMaker.previewing) {
        setPreviewing(false);
        audio.pause();
      }
      draw(r);
    };

    var showInvalid = function (words) {
      clipMaker.startMs = null;
      clipMaker.endMs = null;
      clipMaker.href = null;
      rangeText.textContent = words;
      link.hidden = true;
      previewButton.disabled = true;
      copyButton.disabled = true;
      status.textContent = '';
      if (saveButton) {
        saveButton.disabled = true;
        saved.textContent = '';
      }
      box.hidden = false;
    };

    var fromFields = function () {
      var start = parseTime(startField.value);
      var end = parseTime(endField.value);
      var words = invalid(start, end);
      if (words) {
        showInvalid(words);
      } else {
        show({ startMs: start, endMs: end }, 'fields');
      }
    };
    startField.addEventListener('input', fromFields);
    endField.addEventListener('input', fromFields);

    if (chapterField) {
      chapterField.addEventListener('change', function () {
        var option = chapterField.options[chapterField.selectedIndex];
        var start = number(option, 'data-start-ms');
        var end = number(option, 'data-end-ms');
        if (start !== null && end !== null) {
          show({ startMs: start, endMs: end }, 'chapter');
        }
      });
    }

    // The timeline: a drag picks a range, a click moves the clip there keeping its length; focused, it is a slider
    // whose value is the clip's start, and arrows move the clip (Shift: its end only).
    if (track && limits.totalMs) {
      var current = function () {
        if (clipMaker.startMs !== null) {
          return { startMs: clipMaker.startMs, endMs: clipMaker.endMs };
        }
        return { startMs: number(track, 'data-range-start-ms') || 0, endMs: number(track, 'data-range-end-ms') };
      };
      // A form refilled after a mistake may hold a valid range other than the one drawn by the server.
      var typedStart = parseTime(startField.value);
      var typedEnd = parseTime(endField.value);
      if (!invalid(typedStart, typedEnd)) {
        track.setAttribute('data-range-start-ms', String(typedStart));
        track.setAttribute('data-range-end-ms', String(typedEnd));
      }
      var initial = current();
      track.setAttribute('tabindex', '0');
      track.setAttribute('role', 'slider');
      track.setAttribute('aria-label', 'Clip on the timeline');
      track.setAttribute('aria-describedby', 'timeline-help');
      track.setAttribute('aria-valuemin', '0');
      track.setAttribute('aria-valuemax', String(Math.round(limits.totalMs / 1000)));
      draw(initial);
      var keys = document.querySelector('.timeline-keys');
      if (keys) {
        keys.hidden = false;
      }

      var msAt = function (clientX) {
        var bounds = track.getBoundingClientRect();
        var fraction = bounds.width > 0 ? (clientX - bounds.left) / bounds.width : 0;
        // Whole seconds: a dragged range reads as a person would write it.
        return Math.round(Math.max(0, Math.min(1, fraction)) * limits.totalMs / 1000) * 1000;
      };
      var drag = null;
      track.addEventListener('pointerdown', function (event) {
        if (event.button !== 0) {
          return;
        }
        event.preventDefault();
        track.focus();
        drag = { fromMs: msAt(event.clientX), moved: false };
        if (track.setPointerCapture) {
          track.setPointerCapture(event.pointerId);
        }
      });
      track.addEventListener('pointermove', function (event) {
        if (!drag) {
          return;
        }
        var ms = msAt(event.clientX);
        if (ms !== drag.fromMs) {
          drag.moved = true;
          show(fit(Math.min(drag.fromMs, ms), Math.max(drag.fromMs, ms), ms < drag.fromMs ? 'start' : 'end'), 'drag');
        }
      });
      var endDrag = function (event) {
        if (!drag) {
          return;
        }
        var ms = msAt(event.clientX);
        if (drag.moved || ms !== drag.fromMs) {
          show(fit(Math.min(drag.fromMs, ms), Math.max(drag.fromMs, ms), ms < drag.fromMs ? 'start' : 'end'), 'drag');
        } else {
          var r = current();
          show(fit(ms, ms + (r.endMs - r.startMs), 'start'), 'drag');
        }
        drag = null;
      };
      track.addEventListener('pointerup', endDrag);
      track.addEventListener('pointercancel', function () { drag = null; });

      track.addEventListener('keydown', function (event) {
        var r = current();
        var step = { ArrowLeft: -5000, ArrowDown: -5000, ArrowRight: 5000, ArrowUp: 5000, PageDown: -60000,
          PageUp: 60000 }[event.key];
        var length = r.endMs - r.startMs;
        if (event.key === 'Home') {
          show(fit(0, length, 'start'), 'keys');
        } else if (event.key === 'End') {
          // The drawn end, not the rules' slack past it: the clip should end where the timeline does.
          var last = limits.lastEndMs !== null ? Math.min(limits.lastEndMs, limits.totalMs) : limits.totalMs;
          show(fit(last - length, last, 'end'), 'keys');
        } else if (step && event.shiftKey) {
          show(fit(r.startMs, r.endMs + step, 'end'), 'keys');
        } else if (step) {
          var start = Math.max(0, r.startMs + step);
          if (limits.lastEndMs !== null) {
            start = Math.min(start, limits.lastEndMs - length);
          }
          show(fit(start, start + length, 'start'), 'keys');
        } else {
          return;
        }
        event.preventDefault();
      });
    }

    // Selected transcript text: the range of the cues it touches, from the first one's start to the last one's end.
    var cueOf = function (node) {
      var el = node && node.nodeType === 1 ? node : node && node.parentElement;
      return el && el.closest ? el.closest('p.cue') : null;
    };
    var selectedRange = function () {
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
      var all = [first, last].concat(cues);
      var start = Math.min.apply(null, all.map(function (c) { return number(c, 'data-start-ms'); }));
      var end = Math.max.apply(null, all.map(function (c) { return number(c, 'data-end-ms'); }));
      return end > start ? { startMs: start, endMs: end } : null;
    };
    var fromSelection = function () {
      var r = selectedRange();
      if (!r) {
        return;
      }
      r = fit(r.startMs, r.endMs, 'start');
      // A click on the box's buttons while the text is still selected must not start the range over (and stop the
      // preview the click is about to start).
      if (r.startMs !== clipMaker.startMs || r.endMs !== clipMaker.endMs) {
        show(r, 'selection');
      }
    };
    document.addEventListener('mouseup', fromSelection);
    document.addEventListener('keyup', function (event) {
      if (!event.target.closest || !event.target.closest('input, select, textarea, #timeline')) {
        fromSelection();
      }
    });
    document.addEventListener('touchend', fromSelection);

    // Preview: play from the start and pause at the end. timeupdate comes every ~250 ms, so a short timer watches
    // the end more closely while the preview plays.
    var watch = null;
    var stopAtEnd = function () {
      if (clipMaker.previewing && audio.currentTime * 1000 >= clipMaker.endMs) {
        audio.pause();
      }
    };
    audio.addEventListener('timeupdate', stopAtEnd);
    audio.addEventListener('pause', function () {
      if (clipMaker.previewing) {
        setPreviewing(false);
      }
      if (watch) {
        clearInterval(watch);
        watch = null;
      }
    });
    previewButton.addEventListener('click', function () {
      if (clipMaker.previewing) {
        audio.pause();
        return;
      }
      if (clipMaker.startMs === null) {
        return;
      }
      setPreviewing(true);
      seek(clipMaker.startMs, true);
      if (!watch) {
        watch = setInterval(stopAtEnd, 50);
      }
    });

    // Copy: the clipboard when the browser allows it, else the link's text selected for the person to copy.
    var selectLink = function () {
      var range = document.createRange();
      range.selectNodeContents(link);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var copied = false;
      try {
        copied = document.execCommand && document.execCommand('copy');
      } catch (e) {
        copied = false;
      }
      status.textContent = copied ? 'Link copied.' : 'The link is selected: press Ctrl+C (⌘C) to copy it.';
    };
    copyButton.addEventListener('click', function () {
      var href = clipMaker.href;
      if (!href) {
        return;
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(href).then(function () {
          status.textContent = 'Link copied.';
        }, selectLink);
      } else {
        selectLink();
      }
    });

    // Save as clip (shown when the service has a sign-in: the identity provider's, or the development one). The
    // token lives in this tab's sessionStorage; a refused one (expired, service restarted with other keys) is dropped
    // and fetched again. Without a session the identity provider's token route answers 499 to a script, and the
    // person is sent to sign in, coming back to this page.
    var save = document.getElementById('clip-save');
    if (save && window.fetch) {
      var titleField = document.getElementById('clip-title');
      var tokenKey = 'podclip.editorToken';
      var signIn = function () {
        return fetch(save.getAttribute('data-token-href'), { method: 'POST', credentials: 'same-origin',
          headers: { 'X-Requested-With': 'JavaScript' } })
            .then(function (response) {
              if (response.status === 499 && save.getAttribute('data-sign-in-href')) {
                window.location.assign(save.getAttribute('data-sign-in-href'));
                throw new Error('signing in first');
              }
              if (!response.ok) {
                throw new Error('sign-in refused (' + response.status + ')');
              }
              return response.json();
            })
            .then(function (body) {
              sessionStorage.setItem(tokenKey, body.token);
              return body.token;
            });
      };
      var post = function (token) {
        var request = { episodeId: main.getAttribute('data-episode-id'), startMs: clipMaker.startMs,
          endMs: clipMaker.endMs };
        if (titleField.value.trim()) {
          request.title = titleField.value.trim();
        }
        return fetch(save.getAttribute('data-clips-href'), {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token },
          body: JSON.stringify(request)
        });
      };
      var savedLink = function (href) {
        saved.textContent = 'Saved: ';
        var a = document.createElement('a');
        a.id = 'clip-saved-href';
        a.href = href;
        a.textContent = href;
        saved.appendChild(a);
      };
      saveButton.addEventListener('click', function () {
        if (clipMaker.startMs === null) {
          return;
        }
        saveButton.disabled = true;
        saved.textContent = 'Saving…';
        var stored = sessionStorage.getItem(tokenKey);
        (stored ? Promise.resolve(stored) : signIn())
            .then(post)
            .then(function (response) {
              if (response.status === 401 && stored) {
                sessionStorage.removeItem(tokenKey);
                stored = null;
                return signIn().then(post);
              }
              return response;
            })
            .then(function (response) {
              return response.json().then(function (body) {
                if (!response.ok) {
                  throw new Error(body.detail || body.title || ('status ' + response.status));
                }
                savedLink(body.shareUrl);
              });
            })
            .catch(function (error) {
              saved.textContent = 'Not saved: ' + error.message;
            })
            .then(function () {
              saveButton.disabled = false;
            });
      });
    }
  }

  // ---- Live refresh ----

  // When the episode's chapters change (or changes may have been missed), the page says so and offers a reload;
  // without EventSource the page just stays as it was loaded.
  var notice = document.getElementById('changed-notice');
  var streamHref = main.getAttribute('data-stream-href');
  var version = number(main, 'data-version');
  if (notice && streamHref && typeof window.EventSource === 'function') {
    var source = new window.EventSource(streamHref);
    var live = window.episodeLive = { source: source, changed: false };
    var changed = function () {
      live.changed = true;
      notice.hidden = false;
      source.close();
    };
    source.addEventListener('chapters', function (event) {
      var data = null;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        data = null;
      }
      if (!data || version === null || !(data.version <= version)) {
        changed();
      }
    });
    source.addEventListener('resync', changed);
    window.addEventListener('pagehide', function () { source.close(); });
    document.getElementById('changed-reload').addEventListener('click', function () {
      window.location.reload();
    });
  }
}());
