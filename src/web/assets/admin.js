// zender staff screens: small enhancements on server-rendered pages. Everything works without
// this script except the upload with progress, live processing and the live draft counter.
import { watchDraftCounters } from './draft-counter.js';
import { fill } from './fill-template.js';

const csrf = document.body.dataset.csrf || '';
const notices = document.querySelector('.za-notices');

const locale = document.body.dataset.locale === 'en' ? 'en-GB' : 'nl-NL';
const percent = (value) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

function announce(text) {
  if (!notices) return;
  notices.textContent = '';
  const p = document.createElement('p');
  p.className = 'za-notice';
  p.textContent = text;
  notices.append(p);
}

function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function bytesPerSecond(value) {
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let v = value;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)} ${units[i]}`;
}

// Copy to clipboard: inputs and textareas named by data-copy.
for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const source = document.querySelector(button.dataset.copy);
    if (!source) return;
    try {
      await navigator.clipboard.writeText(source.value);
    } catch {
      source.select();
      document.execCommand('copy');
    }
    announce(button.dataset.copied || 'OK');
  });
}

// Artwork preview before upload, as a data: URL (the CSP allows no blob: images).
for (const input of document.querySelectorAll('input[data-preview]')) {
  input.addEventListener('change', () => {
    const image = document.querySelector(input.dataset.preview);
    const file = input.files?.[0];
    if (!image || !file) return;
    const reader = new FileReader();
    reader.onload = () => {
      image.src = String(reader.result);
      image.hidden = false;
    };
    reader.readAsDataURL(file);
  });
}

// Live processing over the events stream (a session-authenticated copy of the API's stream).
const processing = document.querySelector('[data-events]');
function watchProcessing() {
  if (!processing || processing.dataset.watching === 'yes') return;
  processing.dataset.watching = 'yes';
  const statuses = JSON.parse(processing.dataset.statuses || '{}');
  const bar = processing.querySelector('[data-processing-bar]');
  const line = processing.querySelector('[data-processing-status]');
  const badge = processing.querySelector('[data-episode-status]');
  let lastAnnounced = '';
  let finalStatus = '';
  const source = new EventSource(processing.dataset.events);
  source.addEventListener('progress', (event) => {
    const data = JSON.parse(event.data);
    finalStatus = data.status;
    badge.textContent = statuses[data.status] || data.status;
    bar.hidden = data.status !== 'processing';
    bar.value = data.progress || 0;
    const text =
      data.status === 'processing'
        ? `${statuses.processing}: ${data.step || '…'} (${percent((data.progress || 0) / 100)})`
        : data.failureReason || statuses[data.status] || data.status;
    // Announce steps, not every percent: a screen reader user hears each step once.
    const key = `${data.status}:${data.step}`;
    if (key !== lastAnnounced || data.status !== 'processing') {
      line.textContent = text;
      lastAnnounced = key;
    }
  });
  source.addEventListener('end', () => {
    source.close();
    processing.dataset.watching = 'no';
    // Ready: show the quality report, player and transcript that came with it.
    if (finalStatus === 'ready' || finalStatus === 'failed') setTimeout(() => location.reload(), 1500);
  });
  source.onerror = () => {
    // The browser reconnects by itself; after 'end' the server closed it on purpose.
  };
}
if (processing?.dataset.watch === 'on') watchProcessing();

// Resumable upload with tus-js-client (served by zender from its node_modules).
for (const box of document.querySelectorAll('[data-upload]')) {
  const labels = JSON.parse(box.dataset.labels || '{}');
  const input = box.querySelector('input[type=file]');
  const drop = box.querySelector('[data-drop]');
  const start = box.querySelector('[data-upload-start]');
  const bar = box.querySelector('[data-upload-bar]');
  const status = box.querySelector('[data-upload-status]');
  let chosen = null;
  let lastStep = -1;
  const pick = (file) => {
    chosen = file;
    status.textContent = file ? file.name : '';
  };
  input.addEventListener('change', () => pick(input.files?.[0] || null));
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('za-dragging');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('za-dragging'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('za-dragging');
    pick(event.dataTransfer?.files?.[0] || null);
  });
  start.addEventListener('click', () => {
    const file = chosen || input.files?.[0];
    if (!file) {
      input.focus();
      return;
    }
    start.disabled = true;
    bar.hidden = false;
    const began = performance.now();
    const resumedFrom = 0;
    let offline = false;
    const chunk = Number(box.dataset.chunkSize || 0);
    const upload = new window.tus.Upload(file, {
      endpoint: box.dataset.endpoint,
      headers: { 'X-CSRF-Token': csrf },
      metadata: {
        episodeId: box.dataset.episode,
        filename: file.name,
        filetype: file.type || 'application/octet-stream',
      },
      // Keep trying through a dropped connection or a sleeping laptop, for about ten minutes.
      retryDelays: [
        0, 1000, 2000, 3000, 5000, 5000, 10000, 10000, 20000, 20000, 30000, 30000, 60000, 60000, 60000, 60000,
        60000, 60000, 60000, 60000,
      ],
      ...(chunk > 0 ? { chunkSize: chunk } : {}),
      removeFingerprintOnSuccess: true,
      onProgress(sent, total) {
        const fraction = total ? sent / total : 0;
        bar.value = Math.floor(fraction * 100);
        const seconds = (performance.now() - began) / 1000;
        const speed = seconds > 0 ? (sent - resumedFrom) / seconds : 0;
        const left = speed > 0 ? (total - sent) / speed : 0;
        const text = fill(labels.progress, {
          percent: percent(fraction),
          speed: bytesPerSecond(speed),
          left: clock(left),
        });
        box.dataset.percent = String(Math.floor(fraction * 100));
        // The live region speaks every 10 %, the bar moves continuously.
        const step = Math.floor(fraction * 10);
        if (step !== lastStep || offline) {
          lastStep = step;
          offline = false;
          status.textContent = text;
        }
      },
      onShouldRetry(error, attempt) {
        const code = error?.originalResponse?.getStatus?.() || 0;
        if (code >= 400 && code < 500 && code !== 409 && code !== 423) return false;
        offline = true;
        status.textContent = fill(labels.paused, { percent: percent(bar.value / 100) });
        box.dataset.retries = String(attempt + 1);
        return true;
      },
      onError(error) {
        const body = error?.originalResponse?.getBody?.() || error.message;
        status.textContent = fill(labels.failed, { reason: body });
        start.disabled = false;
      },
      onSuccess() {
        bar.value = 100;
        box.dataset.percent = '100';
        status.textContent = labels.done;
        if (processing) {
          processing.dataset.watch = 'on';
          watchProcessing();
        }
      },
    });
    // A page reloaded mid-upload (or a laptop that slept) continues where the bytes stopped.
    upload.findPreviousUploads().then((previous) => {
      if (previous.length > 0) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  });
}

// The player: play from a cue, follow the waveform, "chapter at current time".
const audio = document.querySelector('[data-player]');
const played = document.querySelector('[data-played]');
if (audio && played) {
  const wave = played.closest('svg');
  const width = Number(wave.viewBox.baseVal.width);
  audio.addEventListener('timeupdate', () => {
    if (audio.duration) played.setAttribute('width', String((audio.currentTime / audio.duration) * width));
  });
  wave.addEventListener('click', (event) => {
    const box = wave.getBoundingClientRect();
    if (audio.duration) audio.currentTime = ((event.clientX - box.left) / box.width) * audio.duration;
  });
}
for (const button of document.querySelectorAll('[data-seek]')) {
  button.addEventListener('click', () => {
    if (!audio) return;
    audio.currentTime = Number(button.dataset.seek);
    audio.play().catch(() => {});
  });
}
const chapterNow = document.querySelector('[data-chapter-now]');
if (chapterNow && audio) {
  chapterNow.addEventListener('click', () => {
    const list = document.querySelector('[data-chapter-list]');
    let row = [...list.querySelectorAll('[data-chapter-row]')].find(
      (r) => !r.querySelector('[name=chapterTitle]').value,
    );
    if (!row) {
      const last = list.lastElementChild;
      row = last.cloneNode(true);
      const n = list.children.length;
      for (const el of row.querySelectorAll('[id]')) el.id = el.id.replace(/\d+$/, String(n));
      for (const label of row.querySelectorAll('label'))
        label.htmlFor = label.htmlFor.replace(/\d+$/, String(n));
      for (const field of row.querySelectorAll('input')) field.value = '';
      list.append(row);
    }
    row.querySelector('[name=chapterStart]').value = clock(audio.currentTime);
    row.querySelector('[name=chapterTitle]').focus();
  });
}

watchDraftCounters();
