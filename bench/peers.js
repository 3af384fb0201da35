// The JavaScript peers of the benchmark, bundled for the browser by
// scripts/bench.mjs (esbuild, IIFE) and injected into the app's page.
// Each entry point takes a text and returns how many entities it found,
// doing the whole analysis (tokenising, tagging, entity extraction) every
// call; loading and instantiating the models is done once, here, as
// Sorot's learned tagger is loaded once before its timings.
import nlp from 'compromise';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const wink = winkNLP(model);

window.benchPeers = {
  /** compromise: people, places and organisations. */
  compromise(text) {
    const doc = nlp(text);
    const people = doc.people().out('array');
    const places = doc.places().out('array');
    const orgs = doc.organizations().out('array');
    return people.length + places.length + orgs.length;
  },
  /** wink-nlp with wink-eng-lite-web-model: its named entities. */
  wink(text) {
    const doc = wink.readDoc(text);
    return doc.entities().out().length;
  },
};
