// `npm run test:full`: the fuzz test with its whole sequence (3,000 requests; `npm test` sends the first 1,000)
import './fuzz.e2e.test';
