// The GOV.UK timeout warning: a modal shortly before an idle session ends, with "Stay signed in".
// Progressive enhancement only: the server ends idle sessions whether or not this script runs.
// Activity in any tab of the portal counts, through localStorage.

const storageKey = 'thresholdportal:last-activity'

function readSharedActivity () {
  try {
    return Number(window.localStorage.getItem(storageKey)) || 0
  } catch {
    return 0
  }
}

function shareActivity (time) {
  try {
    window.localStorage.setItem(storageKey, String(time))
  } catch {
    // Storage can be disabled; then each tab keeps its own clock.
  }
}

function describe (milliseconds) {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000))
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60)
    return minutes === 1 ? '1 minute' : `${minutes} minutes`
  }
  return seconds === 1 ? '1 second' : `${seconds} seconds`
}

export function initTimeoutWarning (dialog) {
  if (typeof dialog.showModal !== 'function') {
    return
  }

  const timeout = Number(dialog.dataset.timeoutSeconds) * 1000
  const warning = Number(dialog.dataset.warningSeconds) * 1000
  const countdown = dialog.querySelector('.portal-timeout-dialog__countdown')
  const announcement = dialog.querySelector('.portal-timeout-dialog__announcement')
  const stay = dialog.querySelector('[data-timeout-action="stay"]')
  let lastActivity = Date.now()
  let lastAnnounced = ''
  shareActivity(lastActivity)

  function timedOut () {
    window.location.href = dialog.dataset.timedOutUrl
  }

  function close () {
    if (dialog.open) {
      dialog.close()
    }
    lastAnnounced = ''
  }

  async function staySignedIn () {
    try {
      // Any signed-in request renews the session; a redirect means it has already ended.
      const response = await window.fetch(dialog.dataset.keepAliveUrl, { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
      if (!response.ok) {
        timedOut()
        return
      }
    } catch {
      // Offline for a moment: keep the dialog, the next tick tries again.
      return
    }
    lastActivity = Date.now()
    shareActivity(lastActivity)
    close()
  }

  function tick () {
    const shared = readSharedActivity()
    if (shared > lastActivity) {
      lastActivity = shared
      close()
    }
    const remaining = lastActivity + timeout - Date.now()
    if (remaining <= 0) {
      timedOut()
      return
    }
    if (remaining > warning) {
      return
    }
    if (!dialog.open) {
      dialog.showModal()
    }
    const text = describe(remaining)
    countdown.textContent = text
    // Screen readers hear the time when the warning opens and then every 20 seconds, not every second.
    const announce = lastAnnounced === '' || Math.ceil(remaining / 1000) % 20 === 0
    if (announce && text !== lastAnnounced) {
      announcement.textContent = `We will sign you out in ${text}.`
      lastAnnounced = text
    }
  }

  stay.addEventListener('click', staySignedIn)
  // Escape means "stay signed in", as in the GOV.UK pattern, rather than silently closing.
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    staySignedIn()
  })
  window.setInterval(tick, 1000)
}
