import { Module } from '@nestjs/common';
import { PRINCIPAL_LOADER } from '@bangfu/core';
import { RegionModule } from '@bangfu/region';
import { AuthService } from './auth.service';
import { OrganizationResolver, UserResolver } from './identity.resolver';
import { LoginLimiter } from './login-limiter';
import { OrganizationService } from './organization.service';
import { UserDirectoryService } from './user-directory.service';
import { UserService } from './user.service';

@Module({
  imports: [RegionModule],
  providers: [
    AuthService,
    LoginLimiter,
    OrganizationService,
    UserService,
    UserDirectoryService,
    UserResolver,
    OrganizationResolver,
    { provide: PRINCIPAL_LOADER, useExisting: AuthService },
  ],
  exports: [AuthService, OrganizationService, UserService, PRINCIPAL_LOADER],
})
export class IdentityModule {}
