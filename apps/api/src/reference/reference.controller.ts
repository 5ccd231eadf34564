import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { type OpenApiDocument } from '@inkwell/contract';
import { NotFoundError } from '../common/not-found.js';
import {
  apiReference,
  REFERENCE_ASSETS,
  REFERENCE_INIT_SCRIPT,
  REFERENCE_PAGE,
  REFERENCE_PAGE_CSP,
} from './reference-page.js';

/** Swagger UI's files change only with the installed package: a day is plenty fresh. */
const ASSET_CACHE_CONTROL = 'public, max-age=86400';

interface FileResponse {
  type(contentType: string): void;
  setHeader(name: string, value: string): void;
  send(body: string): void;
  sendFile(path: string): void;
}

/** The API describes itself: OpenAPI 3.1 made from the contract, and a page rendering it. */
@Controller('api')
export class ReferenceController {
  @Get('openapi.json')
  document(): OpenApiDocument {
    return apiReference();
  }

  @Get('docs')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', REFERENCE_PAGE_CSP)
  page(): string {
    return REFERENCE_PAGE;
  }

  @Get('docs/:file')
  asset(@Param('file') file: string, @Res() response: FileResponse): void {
    if (file === 'init.js') {
      response.setHeader('Cache-Control', ASSET_CACHE_CONTROL);
      response.type('text/javascript');
      response.send(REFERENCE_INIT_SCRIPT);
      return;
    }
    const path = Object.hasOwn(REFERENCE_ASSETS, file) ? REFERENCE_ASSETS[file] : undefined;
    if (!path) throw new NotFoundError(`The reference has no file "${file.slice(0, 80)}"`);
    response.setHeader('Cache-Control', ASSET_CACHE_CONTROL);
    response.sendFile(path);
  }
}
