'use client';

export { default } from '@/app/components/error-page';
