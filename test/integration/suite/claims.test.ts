// The writer's own sentences (claims) in the editor: the hover on a contradicted sentence, its diagnostic, the quick
// fix that changes only the wrong words, and silence on a faithful paragraph. Runs in both extension hosts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, codeOf, codes, hoverText, newDraft, positionOf, sourcesReady, waitForDiagnostics } from './helpers';

const FAITHFUL = [
  "At his summit with Trump, Putin accepted that the US and its European allies might offer Ukraine a security guarantee similar to NATO's collective defence mandate as part of a possible peace deal.",
  'Witkoff offered few details on how the security framework might function.',
  'The EU chief welcomed the news from the White House while speaking in Brussels alongside Zelensky.',
].join(' ');

suite('Claims: the writer’s own sentences', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('verbatim.verbatim')?.activate();
    await sourcesReady();
  });
  teardown(closeAll);

  test('a contradicted sentence gets a claim-contradicted diagnostic and a hover with the source sentence and the difference', async () => {
    const editor = await newDraft(
      "# Monday\n\nPutin offered to extend Ukraine a security guarantee similar to NATO's collective defense mandate as part of a potential peace settlement.\n",
    );
    const doc = editor.document;
    const [d] = await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => codeOf(x) === 'claim-contradicted'), 'a contradicted claim');
    assert.equal(d!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(d!.range.start.line, 2);
    assert.match(d!.message, /agent/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'security guarantee', 'start'));
    const text = hoverText(hovers);
    assert.match(text, /Contradicted/);
    assert.match(text, /European allies/, 'the source sentence is shown');
    assert.match(text, /command:verbatim\.openSource/, 'a link opens the source there');
    assert.doesNotMatch(text, /\]\(command:(?!verbatim\.openSource)/, 'no other command link');
  });

  test('the quick fix puts in the source’s words and changes nothing else', async () => {
    const before = 'Intro line stays.\n\nWitkoff told CNN on Saturday, "We were able to win the following concession."\n\nOutro stays.\n';
    const editor = await newDraft(before);
    const doc = editor.document;
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => codeOf(x) === 'claim-contradicted'), 'a contradicted date');
    const claim = diags.find((x) => codeOf(x) === 'claim-contradicted')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, claim.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => /^Use the source's words/.test(a.title));
    assert.ok(fix?.edit, `a fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(doc.getText(), before.replace('on Saturday', 'on Sunday'));
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => codeOf(x) === 'claim-contradicted'), 'the contradiction cleared');
  });

  test('a faithful paragraph of paraphrase gets no claim diagnostics, and its hover says supported', async () => {
    // A misquote in the same draft: its diagnostic lands with the claims' in one pass, so its arrival means the
    // whole draft, claims included, has been checked.
    const editor = await newDraft(`# Alaska\n\n${FAITHFUL}\n\n“There are no details on how it will work.”\n`);
    const doc = editor.document;
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => codeOf(x) === 'misquote'), 'the draft checked');
    assert.deepEqual(codes(diags), ['misquote'], 'no claim diagnostics');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'few details', 'start'));
    assert.match(hoverText(hovers), /Supported/);
  });

  test('claims can be turned off', async () => {
    const config = vscode.workspace.getConfiguration('verbatim');
    const editor = await newDraft('Witkoff told CNN on Saturday, "We were able to win the following concession."\n');
    await waitForDiagnostics(editor.document.uri, (ds) => ds.some((x) => codeOf(x) === 'claim-contradicted'), 'a contradicted date');
    await config.update('claims.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      await waitForDiagnostics(editor.document.uri, (ds) => !ds.some((x) => codeOf(x) === 'claim-contradicted'), 'no claims when off');
    } finally {
      await config.update('claims.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
