/* global module */
// Stands in for node-fetch and sync-fetch in the bundles: the reading list never lets
// citation-js fetch (the extension asks arXiv itself, only when the learner asks).
module.exports = function noFetch() {
  throw new Error('AI Roadmap does not let citation-js fetch.');
};
