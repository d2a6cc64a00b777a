// Where the API key may be sent: checkBaseUrl.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkBaseUrl, isLoopbackHost } from '../../src/api/baseUrl';

function accepted(raw: string): string {
  const result = checkBaseUrl(raw);
  assert.ok(result.ok, `${raw} should be accepted${result.ok ? '' : `: ${result.reason}`}`);
  return result.url;
}

function rejected(raw: string): string {
  const result = checkBaseUrl(raw);
  assert.equal(result.ok, false, `${raw} should be rejected`);
  return result.ok ? '' : result.reason;
}

describe('checkBaseUrl', () => {
  it('accepts https addresses as they are', () => {
    assert.equal(accepted('https://api.predictionguard.com'), 'https://api.predictionguard.com');
    assert.equal(accepted('https://pg.internal.example:8443/api/v1'), 'https://pg.internal.example:8443/api/v1');
  });

  it('strips trailing slashes and surrounding blanks', () => {
    assert.equal(accepted('https://api.predictionguard.com/'), 'https://api.predictionguard.com');
    assert.equal(accepted('https://gw.example/pg/v1//'), 'https://gw.example/pg/v1');
    assert.equal(accepted('  https://x.example/  '), 'https://x.example');
  });

  it('allows plain http only to this machine', () => {
    assert.equal(accepted('http://localhost:8080/'), 'http://localhost:8080');
    assert.equal(accepted('http://127.0.0.1:1234'), 'http://127.0.0.1:1234');
    assert.equal(accepted('http://127.10.20.30'), 'http://127.10.20.30');
    assert.equal(accepted('http://[::1]:9000'), 'http://[::1]:9000');
  });

  it('refuses plain http anywhere else, saying why', () => {
    for (const raw of ['http://example.com', 'http://10.0.0.5:8080', 'http://localhost.attacker.example', 'http://127.0.0.1.nip.io']) {
      assert.match(rejected(raw), /http/, raw);
    }
    assert.match(rejected('http://api.predictionguard.com'), /unencrypted/);
  });

  it('refuses a user name or password in the address', () => {
    assert.match(rejected('https://user:pass@api.predictionguard.com'), /user name or password/);
    assert.match(rejected('https://token@api.predictionguard.com'), /user name or password/);
  });

  it('refuses a query or a fragment', () => {
    assert.match(rejected('https://api.predictionguard.com?key=abc'), /query/);
    assert.match(rejected('https://api.predictionguard.com/#top'), /fragment/);
  });

  it('an empty query or fragment marker ("…/?", "…/#") is refused or removed, never kept in the base URL', () => {
    // Kept, it turns `${base}/responses` into "https://x.example/?/responses": the request goes to the
    // server's root with "/responses" as its query (see client.test.ts for what a server receives).
    for (const raw of ['https://x.example/?', 'https://x.example/#', 'https://x.example?']) {
      const result = checkBaseUrl(raw);
      if (result.ok) assert.doesNotMatch(result.url, /[?#]/, `${raw} became ${result.url}`);
    }
  });

  it('refuses garbage and other schemes', () => {
    for (const raw of ['', 'not a url', 'api.predictionguard.com', 'ftp://x.example', 'file:///etc/passwd', 'javascript:alert(1)']) {
      assert.ok(rejected(raw).length > 0, raw);
    }
    assert.match(rejected('api.predictionguard.com'), /not a URL/);
  });
});

describe('isLoopbackHost', () => {
  it('knows this machine', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.1', '[::1]']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['example.com', '10.0.0.1', '127.0.0.1.example', 'localhost.example', '0.0.0.0']) assert.equal(isLoopbackHost(host), false, host);
  });
});
