/**
 * Word lists for blind-mode pseudonyms. Chosen to be neutral, because a
 * committee hears these names while it judges people:
 * - no words that rank or praise (no gold, silver, bronze, diamond; no
 *   "clever", "swift" as an adjective, no eagles or lions);
 * - no common given names (no Rose, Jade, Olive, Amber, Robin, Jay), so a
 *   pseudonym does not suggest a gender or an origin;
 * - no words used for skin tones (no black, white, brown, ivory, ebony,
 *   peach, caramel, almond);
 * - no place names (which suggest an origin).
 * Candidates get a colour, fruit, spice or fabric word and a bird
 * ("Cobalt Heron"); managers a tree ("Manager Cedar"); teams a stone
 * ("Team Basalt"); group values a letter ("Group C"). The lists do not
 * share words, so a candidate never sounds like a manager or a team.
 */

export const CANDIDATE_FIRST_WORDS: readonly string[] = [
  'Azure', 'Cobalt', 'Cyan', 'Indigo', 'Umber', 'Ochre', 'Sepia', 'Vermilion',
  'Mauve', 'Magenta', 'Celadon', 'Cinnabar', 'Citron', 'Lime', 'Lemon', 'Mint',
  'Moss', 'Lichen', 'Thistle', 'Fennel', 'Nutmeg', 'Sorrel', 'Tamarind', 'Apricot',
  'Kumquat', 'Plum', 'Pear', 'Quince', 'Tangerine', 'Mango', 'Papaya', 'Melon',
  'Linen', 'Denim', 'Tweed', 'Canvas', 'Copper', 'Cardamom', 'Paprika', 'Cumin',
  'Clove', 'Anise', 'Rhubarb', 'Persimmon', 'Maize', 'Khaki', 'Taupe', 'Kelp',
  'Pistachio', 'Fig', 'Lychee', 'Guava', 'Orchid', 'Tulip', 'Lotus', 'Teal',
  'Cerulean', 'Carmine', 'Crimson', 'Barley', 'Sesame', 'Vanilla', 'Chicory', 'Thyme',
];

export const CANDIDATE_SECOND_WORDS: readonly string[] = [
  'Heron', 'Egret', 'Finch', 'Plover', 'Sandpiper', 'Kingfisher', 'Warbler', 'Swallow',
  'Starling', 'Thrush', 'Lark', 'Oriole', 'Tanager', 'Bunting', 'Grosbeak', 'Crossbill',
  'Nuthatch', 'Wagtail', 'Pipit', 'Dipper', 'Tern', 'Puffin', 'Gannet', 'Petrel',
  'Pelican', 'Stork', 'Crane', 'Ibis', 'Avocet', 'Curlew', 'Dunlin', 'Stilt',
  'Lapwing', 'Sanderling', 'Redshank', 'Turnstone', 'Wigeon', 'Pintail', 'Eider', 'Grebe',
  'Moorhen', 'Bittern', 'Hoopoe', 'Bulbul', 'Myna', 'Weaver', 'Waxwing', 'Vireo',
  'Kinglet', 'Junco', 'Towhee', 'Partridge', 'Pheasant', 'Ptarmigan', 'Sunbird', 'Fantail',
  'Bellbird', 'Lorikeet', 'Parakeet', 'Toucan', 'Hornbill', 'Trogon', 'Motmot', 'Jacana',
];

export const MANAGER_WORDS: readonly string[] = [
  'Alder', 'Boxwood', 'Beech', 'Birch', 'Cedar', 'Cypress', 'Elm', 'Fir',
  'Ginkgo', 'Hawthorn', 'Hickory', 'Hornbeam', 'Boxelder', 'Larch', 'Buckeye', 'Maple',
  'Oak', 'Palm', 'Pine', 'Poplar', 'Redwood', 'Sequoia', 'Spruce', 'Sycamore',
  'Tamarack', 'Teak', 'Yew', 'Acacia', 'Baobab', 'Banyan', 'Catalpa', 'Eucalyptus',
  'Mahogany', 'Mangrove', 'Walnut', 'Chestnut', 'Sassafras', 'Tupelo', 'Dogwood', 'Cottonwood',
];

export const TEAM_WORDS: readonly string[] = [
  'Basalt', 'Granite', 'Quartz', 'Slate', 'Flint', 'Shale', 'Marble', 'Obsidian',
  'Onyx', 'Agate', 'Mica', 'Feldspar', 'Gneiss', 'Schist', 'Pumice', 'Tuff',
  'Chert', 'Dolomite', 'Gypsum', 'Talc', 'Calcite', 'Galena', 'Malachite', 'Azurite',
  'Fluorite', 'Garnet', 'Zircon', 'Topaz', 'Tourmaline', 'Sandstone', 'Limestone', 'Chalk',
  'Peridot', 'Spinel', 'Andesite', 'Diorite', 'Gabbro', 'Rhyolite', 'Pebble', 'Gravel',
];

/**
 * Numbers from 10 to 99, not letters: "Gender M" was read as men and "Location B" as Berlin (a trial), where the
 * letters were drawn at random. A two-digit number is no initial or short form, drawn from 90 it suggests no order
 * (a 1 or a 2 can read as a survey's coding), and it is short enough for a printed table's group column.
 */
export const GROUP_WORDS: readonly string[] = Array.from({ length: 90 }, (_, i) => String(i + 10));
