// Every unit test gets an in-memory IndexedDB (fake-indexeddb); browser
// tests use Chromium's real one.
import 'fake-indexeddb/auto';
