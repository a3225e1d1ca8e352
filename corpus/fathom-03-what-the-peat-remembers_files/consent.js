/* consent manager stub saved with the page */
document.documentElement.classList.add('cm-ready');
