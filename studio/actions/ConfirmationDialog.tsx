/**
 * The body of the 审签 dialog: the signer ticks the 保密审查 statement (先审查后公开) before the
 * sign-off runs. The rule refuses a sign-off without it, so the confirm button stays disabled
 * until the box is ticked.
 */
import { Box, Button, Checkbox, Flex, Stack, Text } from '@sanity/ui';
import { useState } from 'react';
import { DIALOG } from '../i18n.ts';

export interface ConfirmationDialogProps {
  prompt: string;
  statement: string;
  confirm: string;
  /** The confirm button's tooltip while the box is not ticked. */
  unchecked: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmationDialog({ prompt, statement, confirm, unchecked, busy, onConfirm, onCancel }: ConfirmationDialogProps) {
  const [checked, setChecked] = useState(false);
  return (
    <Stack gap={4}>
      <Text size={1}>{prompt}</Text>
      <Flex as="label" gap={3} align="flex-start">
        <Checkbox checked={checked} onChange={(event) => setChecked(event.currentTarget.checked)} />
        <Box flex={1}>
          <Text size={1}>{statement}</Text>
        </Box>
      </Flex>
      <Flex gap={2} justify="flex-end">
        <Button mode="ghost" text={DIALOG.cancel} onClick={onCancel} disabled={busy} />
        <Button
          tone="positive"
          text={confirm}
          title={checked ? undefined : unchecked}
          disabled={!checked || busy}
          loading={busy}
          onClick={onConfirm}
        />
      </Flex>
    </Stack>
  );
}
