// Presets kept in the extension's global state (they are the user's, across workspaces).
import type * as vscode from 'vscode';
import { deletePreset, parsePresets, renamePreset, savePreset, type Preset, type PresetResult } from '../core/presets';
import { type ApiParameters } from '../api/parameters';

const KEY = 'predictionGuard.presets';

export class PresetStore {
  constructor(private readonly memento: vscode.Memento) {}

  list(): Preset[] {
    return parsePresets(this.memento.get<unknown>(KEY));
  }

  async save(name: string, values: ApiParameters): Promise<PresetResult> {
    return this.commit(savePreset(this.list(), name, values));
  }

  async rename(from: string, to: string): Promise<PresetResult> {
    return this.commit(renamePreset(this.list(), from, to));
  }

  async delete(name: string): Promise<PresetResult> {
    return this.commit(deletePreset(this.list(), name));
  }

  private async commit(result: PresetResult): Promise<PresetResult> {
    if (result.ok) await this.memento.update(KEY, result.presets);
    return result;
  }
}
