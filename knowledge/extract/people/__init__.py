"""People in one article, found by rules.

No Indonesian NER model is available offline, so a person is a run of 1-4 capitalised name
tokens that some evidence confirms: a title before or after it, a speech verb, an honorific,
a known given name, or the same surname elsewhere in the article. Organisations, products,
places and headings are rejected by gazetteers and by shape (acronyms, version numbers,
org prefixes and suffixes). The stages, in order:

- `tokens`: capitalised runs and the kind of each token;
- `candidates`: the stretches of a run that could be a name;
- `evidence`: whether one candidate is a person;
- `detect`: the article's people and their roles (`find_people`).

The vocabulary is data in `knowledge/vocab/` (read by `lexicon`). Organisations found on the
way are served by `knowledge.extract.orgs`; `knowledge.resolve.registry` ties one person's
names together across articles.
"""

from knowledge.extract.people.detect import find_people, name_candidates

__all__ = ["find_people", "name_candidates"]
