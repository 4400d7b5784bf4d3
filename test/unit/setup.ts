// Every unit test gets an in-memory IndexedDB (fake-indexeddb); browser
// tests use Chromium's real one.
import 'fake-indexeddb/auto';

// findBy*/waitFor give up after 1 s by default; on the shared 2-core machines a
// component that reads the fake database can take longer under load. The
// limit only decides how long a real failure takes to report, so it is wide.
import { configure } from '@testing-library/dom';
configure({ asyncUtilTimeout: 15_000 });
