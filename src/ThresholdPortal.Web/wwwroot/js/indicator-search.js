// Progressive enhancement: filters the threshold indicators as the referrer types. Without JavaScript the
// search box stays hidden and every indicator is listed, grouped by domain.
const search = document.querySelector('[data-indicator-search]')
if (search) {
  const input = search.querySelector('input')
  const count = search.querySelector('#indicator-search-count')
  const items = [...document.querySelectorAll('[data-indicator]')]
  const groups = [...document.querySelectorAll('[data-indicator-group]')]
  const domains = [...document.querySelectorAll('[data-indicator-domain]')]
  search.hidden = false

  input.addEventListener('input', () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean)
    let shown = 0
    for (const item of items) {
      const text = item.textContent.toLowerCase()
      const checked = item.querySelector('input').checked
      const match = checked || words.every(word => text.includes(word))
      item.hidden = !match
      if (match) shown++
    }
    for (const group of groups) {
      group.hidden = group.querySelectorAll('[data-indicator]:not([hidden])').length === 0
    }
    // A domain heading goes when every group up to the next heading is hidden.
    for (const domain of domains) {
      let visible = false
      for (let next = domain.nextElementSibling; next && !next.matches('[data-indicator-domain]'); next = next.nextElementSibling) {
        if (next.matches('[data-indicator-group]') && !next.hidden) visible = true
      }
      domain.hidden = !visible
    }
    count.textContent = words.length === 0 ? '' : `${shown} ${shown === 1 ? 'statement matches' : 'statements match'}`
  })
}
