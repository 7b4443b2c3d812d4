// Issue 5, hostile input through the page's API: setScenario with junk never throws, answers
// {ok, changed, problems} as documented in shell/calculator.js, changes nothing it should not and
// pollutes no prototype. Also the memory check: the WebAssembly heap does not grow over 10,000 value
// changes (figures printed as test diagnostics).
import assert from 'node:assert/strict';
import { labelPattern } from './lib/labels.mjs';
import { describe, test } from 'node:test';
import { DESKTOP } from './lib/chromium.mjs';
import { useSiteInChromium, assertCleanSession } from './lib/fixture.mjs';
import { openCalculator, api, pollUntil, waitUntilIdle } from './lib/calculator_page.mjs';
import { documentedRanges, healthProblems } from './hardening_checks.mjs';

const fixture = useSiteInChromium();
const ranges = documentedRanges();
const open = async (query = '') => {
  await fixture.ready();
  const session = await openCalculator(fixture.browser, fixture.server.origin, { device: DESKTOP, query });
  fixture.sessions.push(session);
  return session;
};

// Runs setScenario in the page on a value built there (so functions, symbols, cycles and
// JSON.parse'd __proto__ keys reach it as they are), and reports what came back or what was thrown.
function callWithJunk(page, name) {
  return page.evaluate((junkName) => {
    const junk = {
      'no argument': [],
      null: [null],
      undefined: [undefined],
      number: [42],
      NaN: [NaN],
      string: ['hello'],
      'JSON text': ['{"assumptions":{"prevalence":10}}'],
      array: [[1, 2, 3]],
      'array of scenarios': [[{ assumptions: { prevalence: 10 } }]],
      boolean: [true],
      function: [() => ({ assumptions: { prevalence: 10 } })],
      symbol: [Symbol('x')],
      bigint: [10n],
      'assumptions as a list': [{ assumptions: [10, 20] }],
      'assumptions as text': [{ assumptions: 'prevalence=10' }],
      'number as text': [{ assumptions: { prevalence: '10' } }],
      'number as null': [{ assumptions: { prevalence: null } }],
      'number as object': [{ assumptions: { prevalence: { value: 10 } } }],
      'number as nested lists': [{ assumptions: { prevalence: [[[[[[10]]]]]] } }],
      'NaN and Infinity': [{ assumptions: { prevalence: NaN, births: Infinity, caseload: -Infinity } }],
      'unknown assumption': [{ assumptions: { teams_needed: 1 } }],
      'unknown schema version': [{ schema_version: 99, assumptions: { prevalence: 10 } }],
      'schema version as text': [{ schema_version: '1', assumptions: { prevalence: 10 } }],
      'name as a number': [{ name: 5 }],
      'area as a list': [{ area: ['England'] }],
      'empty area': [{ area: '' }],
      'unknown preset': [{ preset: '<script>' }],
      '__proto__ keys': [JSON.parse('{"__proto__": {"polluted": 1, "assumptions": {"prevalence": 10}}, "assumptions": {"__proto__": {"prevalence": 10, "polluted": 1}}}')],
      'constructor.prototype keys': [JSON.parse('{"constructor": {"prototype": {"polluted": 1}}, "assumptions": {"constructor": {"prototype": {"polluted": 1}}}}')],
      'cyclic object': [(() => { const o = { assumptions: {} }; o.assumptions.self = o; return o; })()],
      'throwing getter': [{ get assumptions() { throw new Error('getter'); } }],
      'throwing toJSON': [{ toJSON() { throw new Error('toJSON'); } }],
      '70 kB string': [{ area: 'x'.repeat(70_000) }],
      'deep nesting': [JSON.parse('['.repeat(5000) + ']'.repeat(5000))],
      'deep object': [JSON.parse('{"a":'.repeat(3000) + '1' + '}'.repeat(3000))],
    }[junkName];
    const T = window.teamsCalculator;
    const before = JSON.stringify(T.getScenario());
    let answer, threw = null;
    try {
      answer = T.setScenario(...junk);
    } catch (err) {
      threw = String(err);
    }
    return {
      answer: JSON.parse(JSON.stringify(answer ?? null)),
      threw,
      scenarioChanged: JSON.stringify(T.getScenario()) !== before,
      polluted: [({}).polluted, Object.prototype.assumptions, ({}).constructor.polluted, Array.prototype.polluted].filter((v) => v !== undefined),
    };
  }, name);
}

// Junk that holds nothing applicable: the scenario must not change at all.
const NOTHING_APPLIES = [
  'no argument', 'null', 'undefined', 'number', 'NaN', 'string', 'JSON text', 'array', 'array of scenarios', 'boolean',
  'function', 'symbol', 'bigint', 'assumptions as a list', 'assumptions as text', 'number as text', 'number as null',
  'number as object', 'number as nested lists', 'NaN and Infinity', 'unknown assumption', 'unknown schema version',
  'schema version as text', 'name as a number', 'area as a list', 'empty area', 'unknown preset', '__proto__ keys',
  'constructor.prototype keys', 'cyclic object', 'throwing getter', 'throwing toJSON', '70 kB string', 'deep nesting', 'deep object',
];

function assertProblemsShape(answer, label) {
  assert.ok(answer && typeof answer === 'object', `${label}: answer ${JSON.stringify(answer)}`);
  assert.equal(typeof answer.ok, 'boolean', `${label}: ${JSON.stringify(answer)}`);
  assert.equal(typeof answer.changed, 'boolean', `${label}: ${JSON.stringify(answer)}`);
  assert.ok(Array.isArray(answer.problems), `${label}: ${JSON.stringify(answer)}`);
  for (const p of answer.problems) {
    assert.equal(typeof p.field, 'string', `${label}: ${JSON.stringify(p)}`);
    assert.ok(typeof p.message === 'string' && p.message.length > 0 && p.message.length < 1000, `${label}: ${JSON.stringify(p)}`);
    assert.doesNotMatch(p.message, /undefined|NaN|\[object/, `${label}: ${JSON.stringify(p)}`);
  }
}

describe('setScenario with junk', () => {
  test('junk with nothing applicable: {ok: false, changed: false, problems}, never throws, changes nothing', async () => {
    const session = await open('?prevalence=12&area=Wales');
    const { page } = session;
    const before = await api.scenario(page);
    for (const name of NOTHING_APPLIES) {
      const { answer, threw, scenarioChanged, polluted } = await callWithJunk(page, name);
      assert.equal(threw, null, `${name}: setScenario threw`);
      assertProblemsShape(answer, name);
      assert.equal(answer.ok, false, `${name}: ${JSON.stringify(answer)}`);
      assert.equal(answer.changed, false, `${name}: ${JSON.stringify(answer)}`);
      assert.ok(answer.problems.length >= 1, `${name}: no problem reported`);
      assert.equal(scenarioChanged, false, `${name}: the scenario changed`);
      assert.deepEqual(polluted, [], `${name}: a prototype was polluted`);
    }
    assert.deepEqual(await api.scenario(page), before);
    assert.deepEqual(await healthProblems(page, ranges), []);
    assertCleanSession(session);
  });

  test('the problems name the field and its valid range', async () => {
    const session = await open();
    const { page } = session;
    const { answer } = await callWithJunk(page, 'number as text');
    assert.equal(answer.problems[0].field, 'prevalence');
    assert.match(answer.problems[0].message, new RegExp(labelPattern('prevalence').source + '.*1 to 50'));
    const wrong = await callWithJunk(page, 'NaN and Infinity');
    for (const key of ['prevalence', 'births', 'caseload']) {
      assert.ok(wrong.answer.problems.some((p) => p.field === key && labelPattern(key).test(p.message)), `${key}: ${JSON.stringify(wrong.answer)}`);
    }
    assertCleanSession(session);
  });

  test('out-of-range values are clamped, applied and reported: {ok: false, changed: true}', async () => {
    const session = await open();
    const { page } = session;
    const cases = [
      [{ prevalence: 500 }, 'prevalence', 50],
      [{ prevalence: -5 }, 'prevalence', 1],
      [{ births: 1e308 }, 'births', 2_000_000],
      [{ caseload: 0 }, 'caseload', 10],
      [{ years_to_target: -1 }, 'years_to_target', 1],
      [{ current_teams: 1e9 }, 'current_teams', 5000],
    ];
    for (const [assumptions, key, clamped] of cases) {
      const before = await api.scenario(page);
      const answer = await api.setScenario(page, { assumptions });
      assertProblemsShape(answer, key);
      assert.equal(answer.ok, false, `${key}: ${JSON.stringify(answer)}`);
      assert.equal(answer.changed, before.assumptions[key] !== clamped, `${key}: ${JSON.stringify(answer)}`);
      assert.ok(answer.problems.some((p) => p.field === key && /range/.test(p.message)), `${key}: ${JSON.stringify(answer)}`);
      const after = await api.scenario(page);
      assert.equal(after.assumptions[key], clamped, `${key} = ${after.assumptions[key]}`);
      // Births other than the preset's are another area's: its counts of teams become not known.
      const counts = ['current_teams', 'teams_in_development'];
      for (const other of Object.keys(before.assumptions)) {
        if (other === key) continue;
        const expected = key === 'births' && counts.includes(other) ? null : before.assumptions[other];
        assert.equal(after.assumptions[other], expected, `${other} changed with ${key}`);
      }
    }
    assert.deepEqual(await healthProblems(page, ranges), []);
    assertCleanSession(session);
  });

  test('a partly bad scenario applies its valid parts only; a clean one answers {ok: true, changed: true}', async () => {
    const session = await open();
    const { page } = session;
    const mixed = await api.setScenario(page, { area: 'Wales', assumptions: { births: 26832, prevalence: 'ten', caseload: null } });
    assertProblemsShape(mixed, 'mixed');
    assert.equal(mixed.ok, false);
    assert.equal(mixed.changed, true);
    assert.deepEqual(mixed.problems.map((p) => p.field).sort(), ['caseload', 'prevalence']);
    let s = await api.scenario(page);
    assert.equal(s.assumptions.births, 26832);
    assert.equal(s.assumptions.prevalence, 15);
    assert.equal(s.assumptions.caseload, 150);
    assert.equal(s.area, 'Wales');

    const long = await api.setScenario(page, { area: 'é'.repeat(10_000) });
    assert.equal(long.changed, true, JSON.stringify(long));
    assert.ok(long.problems.some((p) => p.field === 'area'), JSON.stringify(long));
    s = await api.scenario(page);
    assert.equal(s.area, 'é'.repeat(200), 'a long area is cut to 200 whole characters');

    const clean = await api.setScenario(page, { assumptions: { prevalence: 10 } });
    assert.deepEqual(clean, { ok: true, changed: true, problems: [] });
    const same = await api.setScenario(page, { assumptions: { prevalence: 10 } });
    assert.deepEqual(same, { ok: true, changed: false, problems: [] });
    const results = await pollUntil(() => api.results(page), (r) => r.babies_to_reach < 3000);
    assert.ok(results.teams_needed > 0 && Number.isFinite(results.teams_needed), JSON.stringify(results));
    assert.deepEqual(await healthProblems(page, ranges), []);
    assertCleanSession(session);
  });
});

describe('memory', () => {
  test('the WebAssembly heap does not grow over 10,000 value changes (then 10,000 more)', async (t) => {
    const session = await open();
    const { page } = session;
    await waitUntilIdle(page, { quietMs: 500, timeoutMs: 8000 });
    const stats0 = await api.stats(page);
    assert.ok(stats0.heapBytes > 0 && stats0.heapUsedBytes > 0, `stats() has no heap figures: ${JSON.stringify(stats0)}`);

    // n changes through setScenario: every assumption in turn, labels of changing length, now and
    // then a bad value; a frame is drawn every 50 changes (drawing allocates too).
    const drive = (n, offset) =>
      page.evaluate(
        async ({ n, offset }) => {
          const T = window.teamsCalculator;
          const keys = ['births', 'prevalence', 'access', 'caseload', 'current_teams', 'years_to_target', 'local_risk', 'wider_access'];
          const base = { births: 595948, prevalence: 15, access: 33, caseload: 150, current_teams: 45, years_to_target: 5, local_risk: 1, wider_access: 0 };
          const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
          let changed = 0;
          for (let i = 0; i < n; ++i) {
            const k = i + offset;
            const key = keys[k % keys.length];
            const value = base[key] * (1 + ((k % 7) - 3) / 10);
            const scenario = { area: 'Area ' + 'x'.repeat(k % 180), assumptions: { [key]: k % 97 === 0 ? 'bad' : value } };
            if (T.setScenario(scenario).changed) ++changed;
            if (i % 50 === 49) await frame();
          }
          await frame();
          return changed;
        },
        { n, offset },
      );

    const warmChanged = await drive(200, 0);
    await waitUntilIdle(page, { quietMs: 300, timeoutMs: 8000 });
    const warm = await api.stats(page);
    const changed = await drive(10_000, 200);
    await waitUntilIdle(page, { quietMs: 300, timeoutMs: 15000 });
    const after = await api.stats(page);
    const changed2 = await drive(10_000, 10_200);
    await waitUntilIdle(page, { quietMs: 300, timeoutMs: 15000 });
    const after2 = await api.stats(page);

    t.diagnostic(`heap at load: ${stats0.heapBytes} bytes (${stats0.heapUsedBytes} in use)`);
    t.diagnostic(`after 200 warm-up changes (${warmChanged} applied): ${warm.heapBytes} bytes (${warm.heapUsedBytes} in use)`);
    t.diagnostic(`after 10,000 changes (${changed} applied), ${after.framesDrawn - warm.framesDrawn} frames: ${after.heapBytes} bytes (${after.heapUsedBytes} in use)`);
    t.diagnostic(`after 10,000 more (${changed2} applied): ${after2.heapBytes} bytes (${after2.heapUsedBytes} in use)`);
    assert.ok(changed >= 9000 && changed2 >= 9000, `only ${changed} and ${changed2} of 10,000 calls changed the scenario`);
    assert.ok(after.framesDrawn > warm.framesDrawn + 100, `frames drawn: ${warm.framesDrawn} -> ${after.framesDrawn}`);
    assert.equal(after.heapBytes, warm.heapBytes, 'the WebAssembly memory grew over 10,000 changes');
    assert.equal(after2.heapBytes, warm.heapBytes, 'the WebAssembly memory grew over 20,000 changes');
    // In use may rise once while ImGui's buffers reach the size the longest labels need (about 34 kB
    // was seen); a leak would keep rising with the second 10,000.
    assert.ok(after.heapUsedBytes - warm.heapUsedBytes <= 64 * 1024, `bytes in use: ${warm.heapUsedBytes} -> ${after.heapUsedBytes}`);
    assert.ok(after2.heapUsedBytes - after.heapUsedBytes <= 4 * 1024, `bytes in use kept rising: ${after.heapUsedBytes} -> ${after2.heapUsedBytes}`);
    assert.deepEqual(await healthProblems(page, ranges), []);
    assertCleanSession(session);
  });
});
