/**
 * The body of the dialog that asks for a 退回 comment or a 撤回 reason. The rules refuse an
 * empty text, so the confirm button stays disabled until something is written.
 */
import { Button, Flex, Stack, Text, TextArea } from '@sanity/ui';
import { useState } from 'react';
import { DIALOG } from '../i18n.ts';

export interface TextDialogProps {
  prompt: string;
  placeholder: string;
  confirm: string;
  busy: boolean;
  onConfirm: (text: string) => void;
  onCancel: () => void;
}

export function TextDialog({ prompt, placeholder, confirm, busy, onConfirm, onCancel }: TextDialogProps) {
  const [text, setText] = useState('');
  const empty = text.trim() === '';
  return (
    <Stack gap={4}>
      <Text size={1}>{prompt}</Text>
      <TextArea rows={4} value={text} placeholder={placeholder} onChange={(event) => setText(event.currentTarget.value)} autoFocus />
      <Flex gap={2} justify="flex-end">
        <Button mode="ghost" text={DIALOG.cancel} onClick={onCancel} disabled={busy} />
        <Button
          tone="primary"
          text={confirm}
          title={empty ? DIALOG.textRequired : undefined}
          disabled={empty || busy}
          loading={busy}
          onClick={() => onConfirm(text.trim())}
        />
      </Flex>
    </Stack>
  );
}
